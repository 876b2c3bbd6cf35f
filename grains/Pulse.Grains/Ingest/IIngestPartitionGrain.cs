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
}
