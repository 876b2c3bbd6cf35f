using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Ingest;

/// <summary>How ingest spreads over partition streams (section "Pulse:Ingest").</summary>
public sealed class IngestPartitionOptions
{
    public const string Section = "Pulse:Ingest";

    /// <summary>Partitions process batches one at a time each; more partitions, more parallel matching and scoring.</summary>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 8;

    /// <summary>
    /// Embedded default only: request batches a partition's inbox holds before ingest waits (backpressure). Bounds the
    /// memory of a backlog and the delay between a 202 and the dashboard.
    /// </summary>
    [Range(1, 100_000)]
    public int QueuedBatches { get; set; } = 32;

    /// <summary>
    /// Embedded default only: at most this many queued mentions go to a partition as one batch. Larger batches mean fewer
    /// (brand, channel) grain calls per mention.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxDeliveryMentions { get; set; } = 20_000;
}
