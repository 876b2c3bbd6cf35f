namespace Pulse.Grains.Notifications;

/// <summary>One brand at a glance, for the overview: live rate, last minute's volume, sentiment and engagement.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandSummary(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] double Rate,
    [property: Id(4)] long PerMinute,
    [property: Id(5)] double SentimentMean,
    [property: Id(6)] long Positive,
    [property: Id(7)] long Neutral,
    [property: Id(8)] long Negative,
    [property: Id(9)] double NetSentiment,
    [property: Id(10)] long Engagement);
