using Pulse.Analytics.Windows;

namespace Pulse.Grains.Channels;

/// <summary>One saved <see cref="Bucket"/>. No count: it is the sum of the three label counts.</summary>
[GenerateSerializer, Immutable]
internal readonly record struct BucketCheckpoint(
    [property: Id(0)] int Positive,
    [property: Id(1)] int Neutral,
    [property: Id(2)] int Negative,
    [property: Id(3)] double SentimentSum,
    [property: Id(4)] long Likes,
    [property: Id(5)] long Shares,
    [property: Id(6)] long Comments,
    [property: Id(7)] long Reach)
{
    public static BucketCheckpoint From(in Bucket b) =>
        new(b.Positive, b.Neutral, b.Negative, b.SentimentSum, b.Likes, b.Shares, b.Comments, b.Reach);

    public Bucket ToBucket() => new(Positive, Neutral, Negative, SentimentSum, Likes, Shares, Comments, Reach);
}
