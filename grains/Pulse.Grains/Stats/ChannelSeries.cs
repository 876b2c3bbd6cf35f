namespace Pulse.Grains.Stats;

/// <summary>One channel's buckets at one resolution, oldest first; arrays are aligned.</summary>
[GenerateSerializer, Immutable]
public sealed record ChannelSeries(
    [property: Id(0)] string Channel,
    [property: Id(1)] int[] Count,
    [property: Id(2)] double[] SentimentMean,
    [property: Id(3)] int[] Positive,
    [property: Id(4)] int[] Neutral,
    [property: Id(5)] int[] Negative,
    [property: Id(6)] long[] Engagement);
