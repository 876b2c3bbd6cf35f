using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class RollingWindowTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static int[] SeriesCounts(RollingWindow window, DateTimeOffset now, int length)
    {
        var series = new Bucket[length];
        int written = window.CopySeries(now, series);
        var counts = new int[written];
        for (int i = 0; i < written; i++)
        {
            counts[i] = series[i].Count;
        }

        return counts;
    }

    [Fact]
    public void HorizonIsResolutionTimesCapacity()
    {
        var window = new RollingWindow(TimeSpan.FromMinutes(15), 100);

        Assert.Equal(TimeSpan.FromMinutes(1500), window.Horizon);
    }

    [Fact]
    public void MentionsAreBucketedByEventTime()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(0.2));
        window.Add(AtSeconds(0.9));
        window.Add(AtSeconds(2.5));

        Assert.Equal([2, 0, 1], SeriesCounts(window, T0.AddSeconds(2.5), 3));
    }

    [Fact]
    public void MentionsAreBucketedByInstantWhateverTheirOffset()
    {
        var window = new RollingWindow(TimeSpan.FromHours(1), 4);
        window.Add(At(new DateTimeOffset(2025, 3, 1, 13, 30, 0, TimeSpan.FromHours(1)))); // 12:30 UTC
        window.Add(At(new DateTimeOffset(2025, 3, 1, 12, 59, 0, TimeSpan.Zero)));

        Assert.Equal([0, 2], SeriesCounts(window, T0.AddMinutes(30), 2));
    }

    [Fact]
    public void ALateMentionWithinTheHorizonLandsInItsOwnBucket()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(5));

        bool accepted = window.Add(AtSeconds(2));

        Assert.True(accepted);
        Assert.Equal([0, 0, 1, 0, 0, 1], SeriesCounts(window, T0.AddSeconds(5), 6));
    }

    [Fact]
    public void AMentionInTheOldestSlotOfTheRingIsAccepted()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(20));

        Assert.True(window.Add(AtSeconds(11)));
        Assert.Equal(2, window.Sum(T0.AddSeconds(20), window.Horizon).Count);
    }

    [Fact]
    public void AMentionOlderThanTheRingIsRejectedAndNotCounted()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(20));

        Assert.False(window.Add(AtSeconds(10.9)));
        Assert.Equal(1, window.Sum(T0.AddSeconds(20), TimeSpan.FromHours(1)).Count);
    }

    [Fact]
    public void AdvancingTheHeadClearsTheSkippedSlots()
    {
        var window = new RollingWindow(Second, 4);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(1));
        window.Add(AtSeconds(2));

        window.Add(AtSeconds(5)); // slots 3 and 4 are skipped; 1 and 5 share a ring index

        Assert.Equal([1, 0, 0, 1], SeriesCounts(window, T0.AddSeconds(5), 4));
        Assert.Equal(2, window.Sum(T0.AddSeconds(5), window.Horizon).Count);
    }

    [Fact]
    public void ASlotReusedAfterExactlyOneLapStartsEmpty()
    {
        var window = new RollingWindow(Second, 4);
        window.Add(AtSeconds(0));

        window.Add(AtSeconds(4));

        Assert.Equal([0, 0, 0, 1], SeriesCounts(window, T0.AddSeconds(4), 4));
    }

    [Fact]
    public void AJumpOfManyLapsLeavesNoGhostCounts()
    {
        var window = new RollingWindow(Second, 4);
        for (int s = 0; s < 4; s++)
        {
            window.Add(AtSeconds(s));
        }

        window.Add(AtSeconds(1001));

        Assert.Equal(1, window.Sum(T0.AddSeconds(1001), window.Horizon).Count);
        Assert.Equal([0, 0, 0, 1], SeriesCounts(window, T0.AddSeconds(1001), 4));
    }

    [Theory]
    [InlineData(0, 0)] // empty span
    [InlineData(1, 1)] // the current, partial bucket only
    [InlineData(999, 1)] // less than one resolution still means the current bucket
    [InlineData(1001, 2)] // a fraction of a bucket rounds up to a whole one
    [InlineData(3000, 3)]
    [InlineData(10000, 10)] // exactly the horizon
    [InlineData(3600000, 10)] // beyond the horizon: all the ring has
    public void SumCoversTheCurrentBucketAndTheFullOnesBeforeIt(int spanMilliseconds, int expected)
    {
        var window = new RollingWindow(Second, 10);
        for (int s = 0; s < 10; s++)
        {
            window.Add(AtSeconds(s + 0.5));
        }

        var sum = window.Sum(T0.AddSeconds(9.5), TimeSpan.FromMilliseconds(spanMilliseconds));

        Assert.Equal(expected, sum.Count);
    }

    [Fact]
    public void SumIgnoresBucketsAfterNow()
    {
        var window = new RollingWindow(Second, 10);
        for (int s = 0; s < 10; s++)
        {
            window.Add(AtSeconds(s));
        }

        Assert.Equal(3, window.Sum(T0.AddSeconds(5), TimeSpan.FromSeconds(3)).Count);
    }

    [Fact]
    public void SumIsZeroWhenTheSpanHasPassedWithoutEvents()
    {
        var window = new RollingWindow(Second, 10);
        for (int s = 0; s < 10; s++)
        {
            window.Add(AtSeconds(s));
        }

        Assert.Equal(0, window.Sum(T0.AddSeconds(30), TimeSpan.FromSeconds(10)).Count);
    }

    [Fact]
    public void SumDropsBucketsThatAgedOutOfTheSpanWhileNoEventsCame()
    {
        var window = new RollingWindow(Second, 10);
        for (int s = 0; s < 10; s++)
        {
            window.Add(AtSeconds(s));
        }

        // Head still at second 9; now at 12 the span (2, 12] keeps seconds 3..9 only.
        Assert.Equal(7, window.Sum(T0.AddSeconds(12), TimeSpan.FromSeconds(10)).Count);
    }

    [Fact]
    public void SumAddsEngagementAndSentimentOfTheBucketsInTheSpan()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(At(T0, sentiment: 0.5f, likes: 1, shares: 2, comments: 3, reach: 4));
        window.Add(At(T0.AddSeconds(3), sentiment: -0.25f, likes: 10, shares: 20, comments: 30, reach: 40));
        window.Add(At(T0.AddSeconds(4), sentiment: 0.125f, likes: 100, shares: 200, comments: 300, reach: 400));

        var sum = window.Sum(T0.AddSeconds(4), TimeSpan.FromSeconds(2));

        Assert.Equal(-0.125, sum.SentimentSum, precision: 6);
        Assert.Equal(110, sum.Likes);
        Assert.Equal(220, sum.Shares);
        Assert.Equal(330, sum.Comments);
        Assert.Equal(440, sum.Reach);
    }

    [Fact]
    public void ASeriesLongerThanTheRingIsCutToItsCapacity()
    {
        var window = new RollingWindow(Second, 4);
        window.Add(AtSeconds(9));
        var series = new Bucket[10];

        int written = window.CopySeries(T0.AddSeconds(9), series);

        Assert.Equal(4, written);
        Assert.Equal(1, series[3].Count);
    }

    [Fact]
    public void ASeriesAfterAQuietSpellShowsEmptyBucketsUpToNow()
    {
        var window = new RollingWindow(Second, 4);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(1));

        Assert.Equal([1, 0, 0, 0], SeriesCounts(window, T0.AddSeconds(4), 4));
    }

    [Fact]
    public void SeriesStartIsTheStartOfTheOldestBucketWritten()
    {
        var window = new RollingWindow(TimeSpan.FromMinutes(1), 90);
        var now = new DateTimeOffset(2025, 3, 1, 12, 34, 56, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 32, 0, TimeSpan.Zero), window.SeriesStart(now, 3));
        Assert.Equal(now.AddSeconds(-56).AddMinutes(-89), window.SeriesStart(now, 500));
    }

    [Fact]
    public void SlotStartIsTheInclusiveStartOfTheSlotATimeFallsInto()
    {
        var window = new RollingWindow(TimeSpan.FromMinutes(15), 100);
        var time = new DateTimeOffset(2025, 3, 1, 13, 44, 59, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero), window.SlotStart(window.SlotOf(time)));
    }

    [Fact]
    public void AWindowNeedsAPositiveResolutionAndCapacity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow(TimeSpan.Zero, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow(Second, 0));
    }
}
