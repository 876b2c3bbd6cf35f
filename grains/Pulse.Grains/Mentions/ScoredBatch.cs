namespace Pulse.Grains.Mentions;

/// <summary>
/// Mentions already matched and scored, for one ingest partition: what the embedded default's ingestor hands on,
/// so that a partition only ever feeds the (brand, channel) grains of its own brands.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoredBatch([property: Id(0)] ScoredMention[] Mentions);
