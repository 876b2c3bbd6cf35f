using Pulse.Grains.Mentions;

namespace Pulse.Grains.Notifications;

/// <summary>
/// What a (brand, channel) grain shows live: rate over the last 10 s (per minute), the last minute's
/// count, sentiment and engagement, and the mentions new since the previous snapshot (newest first).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChannelSnapshot(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Channel,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] double Rate,
    [property: Id(4)] long PerMinute,
    [property: Id(5)] double SentimentMean,
    [property: Id(6)] long Positive,
    [property: Id(7)] long Neutral,
    [property: Id(8)] long Negative,
    [property: Id(9)] long Likes,
    [property: Id(10)] long Shares,
    [property: Id(11)] long Comments,
    [property: Id(12)] long Reach,
    [property: Id(13)] MentionView[] Latest);
