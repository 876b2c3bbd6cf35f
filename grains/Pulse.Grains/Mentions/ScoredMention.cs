using Pulse.Analytics.Sentiment;

namespace Pulse.Grains.Mentions;

/// <summary>A mention after brand matching and sentiment scoring, as one (brand, channel) grain records it.</summary>
[GenerateSerializer, Immutable]
public sealed record ScoredMention(
    [property: Id(0)] Mention Mention,
    [property: Id(1)] string BrandId,
    [property: Id(2)] float Sentiment,
    [property: Id(3)] SentimentLabel Label,
    [property: Id(4)] string Language);
