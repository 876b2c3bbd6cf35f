using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class WindowTotalsTests
{
    [Fact]
    public void TotalsCarryTheSumsOfTheBucket()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, SentimentLabel.Positive, 0.5f, likes: 7, shares: 3, comments: 2, reach: 900));
        bucket.Add(At(T0, SentimentLabel.Neutral, 0f, likes: 1, shares: 0, comments: 4, reach: 100));

        var totals = new WindowTotals(in bucket);

        Assert.Equal(2, totals.Count);
        Assert.Equal(1, totals.Positive);
        Assert.Equal(1, totals.Neutral);
        Assert.Equal(0, totals.Negative);
        Assert.Equal(0.5, totals.SentimentSum, precision: 6);
        Assert.Equal(8, totals.Likes);
        Assert.Equal(3, totals.Shares);
        Assert.Equal(6, totals.Comments);
        Assert.Equal(1000, totals.Reach);
    }

    [Fact]
    public void SentimentMeanIsTheSumOverTheCount()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, sentiment: 0.8f));
        bucket.Add(At(T0, sentiment: -0.2f));
        bucket.Add(At(T0, sentiment: 0.3f));

        Assert.Equal(0.3, WindowTotals.From(in bucket).SentimentMean, precision: 6);
    }

    [Fact]
    public void NetSentimentIsPositiveMinusNegativeOverPolarMentionsIgnoringNeutral()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, SentimentLabel.Positive));
        bucket.Add(At(T0, SentimentLabel.Positive));
        bucket.Add(At(T0, SentimentLabel.Positive));
        bucket.Add(At(T0, SentimentLabel.Negative));
        bucket.Add(At(T0, SentimentLabel.Neutral));
        bucket.Add(At(T0, SentimentLabel.Neutral));

        Assert.Equal(0.5, WindowTotals.From(in bucket).NetSentiment, precision: 12);
    }

    [Fact]
    public void AnEmptyWindowHasZeroMeanAndZeroNetSentiment()
    {
        var totals = WindowTotals.From(default(Bucket));

        Assert.Equal(0, totals.SentimentMean);
        Assert.Equal(0, totals.NetSentiment);
    }

    [Fact]
    public void OnlyNeutralMentionsGiveZeroNetSentiment()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, SentimentLabel.Neutral, 0.1f));

        var totals = WindowTotals.From(in bucket);

        Assert.Equal(0, totals.NetSentiment);
        Assert.Equal(0.1, totals.SentimentMean, precision: 6);
    }
}
