using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.GrainState;

namespace Pulse.Silo.Tests.Archive.GrainState;

/// <summary>The grain storage contract (Orleans' <see cref="IGrainStorage"/>) against a real PostgreSQL.</summary>
[Trait("Category", "Slow")]
[Collection(GrainStateCollection.Name)]
public sealed class PostgresGrainStorageTests(GrainStateDatabases databases) : IAsyncLifetime
{
    private const string Service = "pulse-test";

    // Orleans' serializer and activators, as a silo has them; the state is a list, which needs no generated code.
    private static readonly ServiceProvider Codecs = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private static readonly GrainId Grain = GrainId.Create("source", "rss-1");

    private ArchiveDatabase _database = null!;

    public async Task InitializeAsync() => _database = await databases.NewAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var storage = Storage();
        var written = State("a", "b");

        await storage.WriteStateAsync("source", Grain, written);
        var read = await ReadAsync(storage, "source", Grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(["a", "b"], read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_a_fresh_one_without_etag()
    {
        var read = await ReadAsync(Storage(), "source", Grain);

        Assert.Empty(Assert.IsType<List<string>>(read.State));
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected_and_changes_nothing()
    {
        var storage = Storage();
        var first = State("one");
        await storage.WriteStateAsync("source", Grain, first);
        var stale = first.ETag;
        first.State = ["two"];
        await storage.WriteStateAsync("source", Grain, first);

        var late = State("late");
        late.ETag = stale;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("source", Grain, late));
        // A grain that thinks it is the first to write, while another already did.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("source", Grain, State("first?")));
        var notAVersion = State("x");
        notAVersion.ETag = "not-a-version";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("source", Grain, notAVersion));

        Assert.Equal(first.ETag, error.StoredEtag);
        Assert.Equal(stale, error.CurrentEtag);
        var read = await ReadAsync(storage, "source", Grain);
        Assert.Equal(["two"], read.State);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_a_fresh_one_and_an_etag_from_before_the_clear_stays_stale()
    {
        var storage = Storage();
        var state = State("kept");
        await storage.WriteStateAsync("source", Grain, state);
        var beforeClear = state.ETag;

        await storage.ClearStateAsync("source", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Empty(Assert.IsType<List<string>>(state.State));
        Assert.NotEqual(beforeClear, state.ETag);
        var read = await ReadAsync(storage, "source", Grain);
        Assert.Empty(Assert.IsType<List<string>>(read.State));
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);

        var old = State("from before");
        old.ETag = beforeClear;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("source", Grain, old));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("source", Grain, old));
        read.State = ["again"];
        await storage.WriteStateAsync("source", Grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(["again"], (await ReadAsync(storage, "source", Grain)).State);
    }

    [Fact]
    public async Task Clearing_a_state_never_written_is_nothing_but_clearing_one_written_meanwhile_is_a_conflict()
    {
        var storage = Storage();
        var nothing = State("x");
        await storage.ClearStateAsync("source", Grain, nothing);
        Assert.Null(nothing.ETag);
        Assert.False(nothing.RecordExists);

        await storage.WriteStateAsync("source", Grain, State("written"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("source", Grain, State()));
    }

    [Fact]
    public async Task Grains_and_state_names_each_have_their_own_state()
    {
        var storage = Storage();
        var other = GrainId.Create("source", "rss-2");
        var otherType = GrainId.Create("sourcecatalog", "rss-1");
        await storage.WriteStateAsync("source", Grain, State("grain 1"));
        await storage.WriteStateAsync("cursor", Grain, State("grain 1, cursor"));
        await storage.WriteStateAsync("source", other, State("grain 2"));
        await storage.WriteStateAsync("source", otherType, State("other type"));

        Assert.Equal(["grain 1"], (await ReadAsync(storage, "source", Grain)).State);
        Assert.Equal(["grain 1, cursor"], (await ReadAsync(storage, "cursor", Grain)).State);
        Assert.Equal(["grain 2"], (await ReadAsync(storage, "source", other)).State);
        Assert.Equal(["other type"], (await ReadAsync(storage, "source", otherType)).State);
    }

    [Fact]
    public async Task A_state_of_another_service_is_neither_read_nor_in_the_way()
    {
        var mine = Storage();
        var theirs = Storage("another-pulse");
        await theirs.WriteStateAsync("source", Grain, State("theirs"));

        var read = await ReadAsync(mine, "source", Grain);
        Assert.False(read.RecordExists);
        read.State = ["mine"];
        await mine.WriteStateAsync("source", Grain, read);

        Assert.Equal(["mine"], (await ReadAsync(mine, "source", Grain)).State);
        Assert.Equal(["theirs"], (await ReadAsync(theirs, "source", Grain)).State);
    }

    private PostgresGrainStorage Storage(string service = Service) => new(
        _database,
        new OrleansGrainStorageSerializer(Codecs.GetRequiredService<Serializer>()),
        Codecs.GetRequiredService<IActivatorProvider>(),
        service);

    private static GrainState<List<string>> State(params string[] items) => new() { State = [.. items] };

    private static async Task<GrainState<List<string>>> ReadAsync(PostgresGrainStorage storage, string stateName, GrainId grainId)
    {
        // What a fresh activation holds before its read: the storage must set every part.
        var state = new GrainState<List<string>> { State = ["stale"], ETag = "stale", RecordExists = true };
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
