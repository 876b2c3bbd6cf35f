using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class BucketTests
{
    [Fact]
    public void AddingMentionsCountsThemByLabel()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, SentimentLabel.Positive));
        bucket.Add(At(T0, SentimentLabel.Positive));
        bucket.Add(At(T0, SentimentLabel.Negative));
        bucket.Add(At(T0, SentimentLabel.Neutral));

        Assert.Equal(4, bucket.Count);
        Assert.Equal(2, bucket.Positive);
        Assert.Equal(1, bucket.Negative);
        Assert.Equal(1, bucket.Neutral);
    }

    [Fact]
    public void AddingMentionsSumsSentimentAndEngagement()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, sentiment: 0.5f, likes: 10, shares: 2, comments: 3, reach: 1000));
        bucket.Add(At(T0, sentiment: -0.25f, likes: 5, shares: 1, comments: 0, reach: 500));

        Assert.Equal(0.25, bucket.SentimentSum, precision: 6);
        Assert.Equal(15, bucket.Likes);
        Assert.Equal(3, bucket.Shares);
        Assert.Equal(3, bucket.Comments);
        Assert.Equal(1500, bucket.Reach);
    }

    [Fact]
    public void AddingABucketAddsEverySum()
    {
        var first = default(Bucket);
        first.Add(At(T0, SentimentLabel.Positive, 0.75f, likes: 1, shares: 2, comments: 3, reach: 4));
        var second = default(Bucket);
        second.Add(At(T0, SentimentLabel.Negative, -0.5f, likes: 10, shares: 20, comments: 30, reach: 40));
        second.Add(At(T0, SentimentLabel.Neutral));

        first.Add(in second);

        Assert.Equal(3, first.Count);
        Assert.Equal(1, first.Positive);
        Assert.Equal(1, first.Neutral);
        Assert.Equal(1, first.Negative);
        Assert.Equal(0.25, first.SentimentSum, precision: 6);
        Assert.Equal(11, first.Likes);
        Assert.Equal(22, first.Shares);
        Assert.Equal(33, first.Comments);
        Assert.Equal(44, first.Reach);
    }
}
