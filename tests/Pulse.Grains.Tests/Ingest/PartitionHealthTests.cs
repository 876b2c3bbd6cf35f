using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class PartitionHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_partition_that_fails_and_makes_no_progress_for_the_stall_time_is_stalled()
    {
        var health = new PartitionHealth(3, Start, 0, null).Failed("No active nodes are compatible with grain brandchannel");

        Assert.False(health.IsStalled(Start + TimeSpan.FromSeconds(29), StallAfter));
        Assert.True(health.IsStalled(Start + StallAfter, StallAfter));
        Assert.Equal(1, health.FailedAttempts);
        Assert.Contains("brandchannel", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idle_partition_is_never_stalled()
    {
        var health = new PartitionHealth(3, Start, 0, null);

        Assert.False(health.IsStalled(Start + TimeSpan.FromHours(5), StallAfter));
    }

    [Fact]
    public void Progress_clears_the_failures()
    {
        var health = new PartitionHealth(3, Start, 0, null).Failed("a").Failed("b");
        var later = Start + TimeSpan.FromMinutes(2);

        var progressed = health.Progressed(later);

        Assert.Equal(2, health.FailedAttempts);
        Assert.Equal(new PartitionHealth(3, later, 0, null), progressed);
        Assert.False(progressed.IsStalled(later + StallAfter, StallAfter));
    }

    [Fact]
    public void The_monitor_lists_the_stalled_partitions_of_this_silo_in_order_and_forgets_those_that_leave()
    {
        var clock = new FakeTimeProvider(Start);
        var monitor = new IngestPartitionMonitor(clock, Options.Create(new DurableIngestOptions { StallAfter = StallAfter }));
        monitor.Report(new PartitionHealth(5, Start, 0, null).Failed("unreachable"));
        monitor.Report(new PartitionHealth(1, Start, 0, null).Failed("unreachable"));
        monitor.Report(new PartitionHealth(2, Start, 0, null));

        Assert.Empty(monitor.Stalled());
        clock.Advance(StallAfter);
        Assert.Equal([1, 5], monitor.Stalled().Select(p => p.Partition));
        Assert.Equal(3, monitor.All().Count);

        monitor.Report(monitor.All()[0].Progressed(clock.GetUtcNow()));
        monitor.Leave(5);
        Assert.Empty(monitor.Stalled());
        Assert.Equal([1, 2], monitor.All().Select(p => p.Partition));
    }
}
