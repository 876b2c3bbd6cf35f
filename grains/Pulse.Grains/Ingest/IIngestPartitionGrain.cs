using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest;

/// <summary>
/// One ingest partition (key = partition number). In cluster mode it consumes its partition's stream; on the embedded
/// default the ingestor calls <see cref="DeliverAsync"/> directly.
/// </summary>
public interface IIngestPartitionGrain : IGrainWithStringKey
{
    /// <summary>Hands on one batch of scored mentions; completes when every (brand, channel) grain took its share.</summary>
    Task DeliverAsync(ScoredBatch batch);

    /// <summary>
    /// Does nothing but activate the partition: a new activation replays whatever its log holds after the last commit,
    /// even when no new batch comes to trigger it (cluster mode, after a silo died with this partition on it).
    /// </summary>
    Task WakeAsync();
}
