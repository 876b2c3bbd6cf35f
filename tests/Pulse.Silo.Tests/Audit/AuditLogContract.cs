using Pulse.Silo.Audit;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Tests.Audit;

/// <summary>
/// What every audit log must do, run against memory and a real Redis: keep what it is given, newest first, in pages that
/// neither skip nor repeat, filtered by action and target, before a time, and bounded near its capacity.
/// </summary>
public abstract class AuditLogContract
{
    protected static readonly AuditActor Anna = new("user:anna", "anna", AuditActorKind.User);
    protected static readonly AuditActor Collector = new("key:0123456789abcdef", "collector-1", AuditActorKind.ApiKey);

    /// <summary>How far above its capacity the log may run (Redis trims whole stream nodes: <c>MAXLEN ~</c>).</summary>
    protected abstract int CapacitySlack { get; }

    protected abstract IAuditLog Create(int capacity = IAuditLog.Capacity);

    [Fact]
    public async Task An_entry_comes_back_as_written_stamped_by_the_logs_clock()
    {
        var log = Create();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var record = new AuditRecord(Anna, AuditAction.BrandPut, "acme", "created", "192.0.2.10");

        var appended = await log.AppendAsync(record);

        var page = await log.ReadAsync(new AuditQuery(null, 10));
        var entry = Assert.Single(page.Entries);
        Assert.Equal(appended, entry);
        Assert.Equal(record, entry.Record);
        Assert.InRange(entry.At, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Optional_fields_stay_absent()
    {
        var log = Create();
        var record = new AuditRecord(AuditActor.Anonymous, AuditAction.SignInFailed, null, null, null);

        await log.AppendAsync(record);

        Assert.Equal(record, Assert.Single((await log.ReadAsync(new AuditQuery(null, 10))).Entries).Record);
    }

    [Fact]
    public async Task Pages_run_newest_first_and_the_cursor_neither_skips_nor_repeats()
    {
        var log = Create();
        var written = new List<AuditEntry>();
        for (var i = 0; i < 7; i++)
        {
            written.Add(await log.AppendAsync(new AuditRecord(Anna, AuditAction.BrandPut, $"brand-{i}", null, null)));
        }

        var read = new List<AuditEntry>();
        RedisEntryId? cursor = null;
        var pages = 0;
        do
        {
            var page = await log.ReadAsync(new AuditQuery(cursor, 3));
            read.AddRange(page.Entries);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(written).Select(e => e.Record.Target), read.Select(e => e.Record.Target));
        Assert.True(written.Zip(written.Skip(1)).All(p => p.First.Position < p.Second.Position), "positions rise");
    }

    [Fact]
    public async Task Action_and_target_filter_and_page_together()
    {
        var log = Create();
        for (var i = 0; i < 6; i++)
        {
            await log.AppendAsync(new AuditRecord(Anna, AuditAction.BrandPut, "acme", $"put {i}", null));
            await log.AppendAsync(new AuditRecord(Collector, AuditAction.AlertAcknowledge, "acme:1", null, null));
            await log.AppendAsync(new AuditRecord(Anna, AuditAction.BrandDelete, "globex", null, null));
        }

        var first = await log.ReadAsync(new AuditQuery(null, 4, AuditAction.BrandPut, "acme"));
        var second = await log.ReadAsync(new AuditQuery(first.Next, 4, AuditAction.BrandPut, "acme"));

        Assert.Equal(["put 5", "put 4", "put 3", "put 2", "put 1", "put 0"], first.Entries.Concat(second.Entries).Select(e => e.Record.Detail));
        Assert.Null(second.Next);
        Assert.All((await log.ReadAsync(new AuditQuery(null, 100, Target: "acme:1"))).Entries, e => Assert.Equal(AuditAction.AlertAcknowledge, e.Record.Action));
        Assert.Equal(6, (await log.ReadAsync(new AuditQuery(null, 100, AuditAction.BrandDelete))).Entries.Count);
        Assert.Empty((await log.ReadAsync(new AuditQuery(null, 100, AuditAction.KeyCreate))).Entries);
    }

    [Fact]
    public async Task Before_a_time_gives_the_entries_written_earlier()
    {
        var log = Create();
        await log.AppendAsync(new AuditRecord(Anna, AuditAction.KeyCreate, "a", null, null));
        await log.AppendAsync(new AuditRecord(Anna, AuditAction.KeyCreate, "b", null, null));
        await Task.Delay(20);
        var later = await log.AppendAsync(new AuditRecord(Anna, AuditAction.KeyRevoke, "a", null, null));

        var page = await log.ReadAsync(new AuditQuery(AuditEntry.PositionAt(later.At), 10));

        Assert.Equal(["b", "a"], page.Entries.Select(e => e.Record.Target));
    }

    [Fact]
    public async Task The_oldest_entries_go_once_the_log_is_full()
    {
        const int capacity = 10;
        var log = Create(capacity);
        for (var i = 0; i < 250; i++)
        {
            await log.AppendAsync(new AuditRecord(Collector, AuditAction.SignInFailed, $"name-{i}", null, null));
        }

        var kept = (await log.ReadAsync(new AuditQuery(null, AuditQuery.MaxLimit))).Entries;

        Assert.InRange(kept.Count, capacity, capacity + CapacitySlack);
        Assert.Equal("name-249", kept[0].Record.Target);
        Assert.Equal($"name-{250 - kept.Count}", kept[^1].Record.Target);
    }
}
