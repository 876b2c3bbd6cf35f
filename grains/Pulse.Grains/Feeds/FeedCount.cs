namespace Pulse.Grains.Feeds;

/// <summary>Mentions one silo ingested on one channel in one bucket (by arrival time), before brand matching.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedCount(
    [property: Id(0)] DateTimeOffset BucketStart,
    [property: Id(1)] string Channel,
    [property: Id(2)] long Count);
