using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pulse.Grains.Ingest.Durable;

namespace Pulse.Silo.Ingest;

/// <summary>
/// "ingest": Degraded while an ingest partition on this silo is stalled (failing, and neither delivering nor committing
/// for <see cref="DurableIngestOptions.StallAfter"/>), naming each one and its last error. The silo still serves reads
/// and keeps retrying, so it is not reported Unhealthy: a restart would not heal a grain that cannot be reached.
/// </summary>
internal sealed class IngestPartitionsHealthCheck(IngestPartitionMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stalled = monitor.Stalled();
        if (stalled.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{monitor.All().Count} partitions here, none stalled")));
        }

        var now = clock.GetUtcNow();
        var description = string.Join("; ", stalled.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"partition {p.Partition}: no progress for {(now - p.LastProgress).TotalSeconds:0} s, {p.FailedAttempts} failed attempts, last error: {p.LastError}")));
        var data = stalled.ToDictionary(p => p.Partition.ToString(CultureInfo.InvariantCulture), p => (object)(now - p.LastProgress).TotalSeconds);
        return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, description, data: data));
    }
}
