using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Ingest;

/// <summary>How ingest spreads over partition streams (section "Pulse:Ingest").</summary>
public sealed class IngestPartitionOptions
{
    public const string Section = "Pulse:Ingest";

    /// <summary>Partitions process batches one at a time each; more partitions, more parallel matching and scoring.</summary>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 8;
}
