using Pulse.Silo.Audit;
using Pulse.Silo.Tests.Auth.SignIn;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Tests.Audit;

public sealed class InMemoryAuditLogTests : AuditLogContract
{
    protected override int CapacitySlack => 0;

    protected override IAuditLog Create(int capacity = IAuditLog.Capacity) => new InMemoryAuditLog(TimeProvider.System, capacity);

    [Fact]
    public async Task A_clock_that_goes_back_keeps_the_order_as_a_Redis_stream_does()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
        var log = new InMemoryAuditLog(clock);

        var first = await log.AppendAsync(new AuditRecord(Anna, AuditAction.BrandPut, "a", null, null));
        clock.Now -= TimeSpan.FromSeconds(3);
        var second = await log.AppendAsync(new AuditRecord(Anna, AuditAction.BrandPut, "b", null, null));

        Assert.Equal(new RedisEntryId(1_800_000_000_000, 1), second.Position);
        Assert.True(first.Position < second.Position);
        Assert.Equal(["b", "a"], (await log.ReadAsync(new AuditQuery(null, 10))).Entries.Select(e => e.Record.Target));
    }
}
