using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>Engagement that arrives as its own event: it adds likes, shares and comments, never a mention or sentiment.</summary>
public sealed class EngagementTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void EngagementAddsToTheBucketWithoutCountOrSentiment()
    {
        var windows = new MultiResolutionWindows(WindowLayout.Default);
        windows.Add(At(T0, SentimentLabel.Positive, sentiment: 0.8f, likes: 2));

        Assert.True(windows.AddEngagement(T0.AddSeconds(3), likes: 1, shares: 0, comments: 0));
        Assert.True(windows.AddEngagement(T0.AddSeconds(4), likes: 0, shares: 1, comments: 0));
        Assert.True(windows.AddEngagement(T0.AddSeconds(4), likes: 0, shares: 0, comments: 1));

        foreach (var span in new[] { TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1) })
        {
            var sum = windows.Sum(T0.AddSeconds(5), span);
            Assert.Equal(1, sum.Count);
            Assert.Equal(1, sum.Positive);
            Assert.Equal(0.8, sum.SentimentSum, 5);
            Assert.Equal(3, sum.Likes);
            Assert.Equal(1, sum.Shares);
            Assert.Equal(1, sum.Comments);
        }
    }

    [Fact]
    public void EngagementLandsInTheBucketOfItsOwnTime()
    {
        var window = new RollingWindow(Second, 60);
        window.Add(AtSeconds(0));
        window.AddEngagement(T0.AddSeconds(10), likes: 0, shares: 2, comments: 0);

        var series = new Bucket[11];
        window.CopySeries(T0.AddSeconds(10), series);
        Assert.Equal(1, series[0].Count);
        Assert.Equal(0, series[0].Shares);
        Assert.Equal(0, series[10].Count);
        Assert.Equal(2, series[10].Shares);
    }

    [Fact]
    public void AnEngagementOnlyBucketIsKeptSavedAndRestored()
    {
        // Nine buckets turn the ring dense; the engagement-only ones must survive trimming and a save like any other.
        var window = new RollingWindow(Second, 60);
        for (var s = 0; s < 12; s++)
        {
            window.AddEngagement(T0.AddSeconds(s), likes: 1, shares: 0, comments: 0);
        }

        window.Trim(T0.AddSeconds(12));
        Assert.Equal(12, window.Sum(T0.AddSeconds(12), TimeSpan.FromMinutes(1)).Likes);

        var restored = RollingWindow.Restore(window.Export());
        var sum = restored.Sum(T0.AddSeconds(12), TimeSpan.FromMinutes(1));
        Assert.Equal(12, sum.Likes);
        Assert.Equal(0, sum.Count);
    }

    [Fact]
    public void EngagementOlderThanTheRingIsDropped()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(100));

        Assert.False(window.AddEngagement(T0.AddSeconds(50), likes: 1, shares: 0, comments: 0));
        Assert.Equal(0, window.Sum(T0.AddSeconds(100), TimeSpan.FromSeconds(10)).Likes);
    }

    [Fact]
    public void NothingToAddMakesNoBucket()
    {
        var window = new RollingWindow(Second, 10);

        Assert.False(window.AddEngagement(T0, 0, 0, 0));
        Assert.Equal(0, window.Allocated);
    }
}
