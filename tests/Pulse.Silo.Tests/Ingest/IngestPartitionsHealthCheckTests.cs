using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pulse.Grains.Ingest.Durable;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Tests.Ingest;

public sealed class IngestPartitionsHealthCheckTests
{
    [Fact]
    public async Task Healthy_while_no_partition_here_is_stalled()
    {
        var (monitor, _, check) = Create();
        monitor.Report(new PartitionHealth(0, DateTimeOffset.UtcNow, 0, null));

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("1 partitions here", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Degraded_naming_each_stalled_partition_and_its_last_error()
    {
        var (monitor, clock, check) = Create();
        monitor.Report(new PartitionHealth(3, clock.GetUtcNow() - TimeSpan.FromSeconds(45), 0, null).Failed("No active nodes are compatible with grain brandchannel"));
        monitor.Report(new PartitionHealth(4, clock.GetUtcNow() - TimeSpan.FromSeconds(10), 0, null).Failed("still within failover"));

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("partition 3: no progress for 45 s", result.Description, StringComparison.Ordinal);
        Assert.Contains("brandchannel", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("partition 4", result.Description, StringComparison.Ordinal);
    }

    private static (IngestPartitionMonitor, TimeProvider, IngestPartitionsHealthCheck) Create()
    {
        var clock = TimeProvider.System;
        var monitor = new IngestPartitionMonitor(clock, Options.Create(new DurableIngestOptions()));
        return (monitor, clock, new IngestPartitionsHealthCheck(monitor, clock));
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration("ingest", check, HealthStatus.Degraded, null) };
}
