using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// The ingest partitions active on this silo and how they progress, for /healthz: each partition grain reports here
/// whenever it delivers, commits or fails, and leaves when it deactivates.
/// </summary>
public sealed class IngestPartitionMonitor(TimeProvider clock, IOptions<DurableIngestOptions> options)
{
    private readonly ConcurrentDictionary<int, PartitionHealth> _partitions = new();

    /// <summary>How long a failing partition may go without progress before it counts as stalled.</summary>
    public TimeSpan StallAfter => options.Value.StallAfter;

    /// <summary>The partitions on this silo that are failing and have made no progress for <see cref="StallAfter"/>.</summary>
    public IReadOnlyList<PartitionHealth> Stalled()
    {
        var now = clock.GetUtcNow();
        return [.. _partitions.Values.Where(p => p.IsStalled(now, StallAfter)).OrderBy(p => p.Partition)];
    }

    /// <summary>Every partition active on this silo.</summary>
    public IReadOnlyList<PartitionHealth> All() => [.. _partitions.Values.OrderBy(p => p.Partition)];

    /// <summary>Records a partition's latest state (its grain calls this as it delivers, commits or fails).</summary>
    public void Report(PartitionHealth health) => _partitions[health.Partition] = health;

    /// <summary>Forgets a partition that deactivated here.</summary>
    public void Leave(int partition) => _partitions.TryRemove(partition, out _);
}
