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
    /// Cluster mode, after a silo died: activates the partition if it died with that silo (a new activation replays
    /// whatever its log holds after the last commit, even when no new batch comes to trigger it), or makes a live one
    /// check at once that the grains it fed since its last commit still hold what they were sent.
    /// </summary>
    Task WakeAsync();
}
