using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.GrainState;

namespace Pulse.Silo.Tests.Archive.GrainState;

/// <summary>The reminder table contract (Orleans' <see cref="IReminderTable"/>) against a real PostgreSQL.</summary>
[Trait("Category", "Slow")]
[Collection(GrainStateCollection.Name)]
public sealed class PostgresReminderTableTests(GrainStateDatabases databases) : IAsyncLifetime
{
    private static readonly GrainId Grain = GrainId.Create("brandalerts", "acme");

    // Whole seconds: PostgreSQL keeps microseconds, Orleans' ticks are tenths of them.
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private ArchiveDatabase _database = null!;

    public async Task InitializeAsync() => _database = await databases.NewAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_upserted_reminder_reads_back_by_grain_and_by_name()
    {
        var table = await StartedAsync();
        var etag = await table.UpsertRow(Entry(Grain, "webhook-resend"));
        await table.UpsertRow(Entry(Grain, "other", period: TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Entry(GrainId.Create("brandalerts", "globex"), "webhook-resend"));

        var row = await table.ReadRow(Grain, "webhook-resend");
        var rows = await table.ReadRows(Grain);

        Assert.NotNull(row);
        Assert.Equal(Grain, row.GrainId);
        Assert.Equal("webhook-resend", row.ReminderName);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(["other", "webhook-resend"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Null(await table.ReadRow(Grain, "never"));
    }

    [Fact]
    public async Task An_upsert_replaces_the_reminder_with_a_new_etag_and_only_the_current_etag_removes_it()
    {
        var table = await StartedAsync();
        var first = await table.UpsertRow(Entry(Grain, "r"));
        var second = await table.UpsertRow(Entry(Grain, "r", period: TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromMinutes(2), (await table.ReadRow(Grain, "r"))!.Period);
        Assert.False(await table.RemoveRow(Grain, "r", first!));
        Assert.NotNull(await table.ReadRow(Grain, "r"));
        Assert.True(await table.RemoveRow(Grain, "r", second!));
        Assert.Null(await table.ReadRow(Grain, "r"));
        Assert.False(await table.RemoveRow(Grain, "r", second!));

        // Registered again, it does not get an ETag of before: a holder of one cannot remove the new reminder.
        var third = await table.UpsertRow(Entry(Grain, "r"));
        Assert.NotEqual(first, third);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task A_range_is_the_hashes_above_begin_up_to_end_and_wraps_around_when_begin_is_not_below_end()
    {
        var table = await StartedAsync();
        // Five grains in the order of their hashes on the ring.
        var grains = Enumerable.Range(0, 5).Select(i => GrainId.Create("brandalerts", $"b{i}")).OrderBy(g => g.GetUniformHashCode()).ToArray();
        var hashes = grains.Select(g => g.GetUniformHashCode()).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "r"));
        }

        // (begin, end]: the grain at begin is out, the one at end is in.
        Assert.Equal(grains[2..4], await RangeAsync(table, hashes[1], hashes[3]));
        // Wrapped: above begin to the ring's end, then from its start up to end.
        Assert.Equal([grains[0], grains[1], grains[4]], await RangeAsync(table, hashes[3], hashes[1]));
        Assert.Equal(grains, await RangeAsync(table, 0, uint.MaxValue));
        Assert.Equal(grains, await RangeAsync(table, hashes[2], hashes[2]));
        Assert.Equal(grains[..3], await RangeAsync(table, uint.MaxValue, hashes[2]));
    }

    [Fact]
    public async Task Another_service_neither_sees_nor_clears_the_reminders()
    {
        var mine = await StartedAsync();
        var theirs = await StartedAsync("another-pulse");
        await mine.UpsertRow(Entry(Grain, "r"));
        await theirs.UpsertRow(Entry(Grain, "theirs"));

        Assert.Null(await theirs.ReadRow(Grain, "r"));
        Assert.Equal(["theirs"], (await theirs.ReadRows(0, 0)).Reminders.Select(r => r.ReminderName));

        await theirs.TestOnlyClearTable();

        Assert.Empty((await theirs.ReadRows(Grain)).Reminders);
        Assert.Equal(["r"], (await mine.ReadRows(0, 0)).Reminders.Select(r => r.ReminderName));
    }

    private async Task<PostgresReminderTable> StartedAsync(string service = "pulse-test")
    {
        var table = new PostgresReminderTable(_database, service, NullLogger<PostgresReminderTable>.Instance);
        await table.StartAsync();
        return table;
    }

    private static ReminderEntry Entry(GrainId grainId, string name, TimeSpan? period = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = Start,
        Period = period ?? TimeSpan.FromMinutes(1),
    };

    private static async Task<GrainId[]> RangeAsync(PostgresReminderTable table, uint begin, uint end) =>
        [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode())];
}
