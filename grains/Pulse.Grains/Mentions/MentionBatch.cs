namespace Pulse.Grains.Mentions;

/// <summary>
/// The unit on the ingest stream. One event carries many mentions because Orleans streams
/// cost about the same per event whatever its size (~10k events/s on two cores).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MentionBatch([property: Id(0)] Mention[] Mentions);
