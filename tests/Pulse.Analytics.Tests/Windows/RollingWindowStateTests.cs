using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class RollingWindowStateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static MentionObservation Varied(Random random, DateTimeOffset at) =>
        At(at, (SentimentLabel)random.Next(3), (float)random.NextDouble() * 2 - 1, random.Next(100), random.Next(10), random.Next(10), random.Next(10_000));

    // Mentions over 30 s into a 10 s ring: it has wrapped several times, some slots stay empty.
    private static RollingWindow Busy(Random random)
    {
        var window = new RollingWindow(Second, 10);
        for (int i = 0; i < 200; i++)
        {
            window.Add(Varied(random, T0.AddSeconds(random.NextDouble() * 30)));
        }

        return window;
    }

    private static void AssertSameAt(RollingWindow expected, RollingWindow actual, DateTimeOffset now)
    {
        foreach (var span in new[] { TimeSpan.Zero, Second, TimeSpan.FromSeconds(3.5), expected.Horizon, TimeSpan.FromHours(1) })
        {
            Assert.Equal(expected.Sum(now, span), actual.Sum(now, span));
        }

        var expectedSeries = new Bucket[expected.Capacity];
        var actualSeries = new Bucket[actual.Capacity];
        expected.CopySeries(now, expectedSeries);
        actual.CopySeries(now, actualSeries);
        Assert.Equal(expectedSeries, actualSeries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(60)]
    public void ARestoredWindowHasTheSameSumsAndSeries(int secondsAfterTheLastMention)
    {
        var original = Busy(new Random(1));

        var restored = RollingWindow.Restore(original.Export());

        var now = T0.AddSeconds(30 + secondsAfterTheLastMention);
        AssertSameAt(original, restored, now);
        Assert.Equal(original.Resolution, restored.Resolution);
        Assert.Equal(original.Capacity, restored.Capacity);
    }

    // Late mentions into old slots, mentions that are too old, a short step and a jump of many laps.
    [Fact]
    public void ARestoredWindowBehavesLikeTheOriginalAsMentionsKeepArriving()
    {
        var original = Busy(new Random(2));
        var restored = RollingWindow.Restore(original.Export());
        var random = new Random(3);

        foreach (var seconds in new[] { 29.5, 21.2, 20.9, 12.0, 33.3, 27.0, 45.0, 36.0, 500.0, 499.1 })
        {
            var mention = Varied(random, T0.AddSeconds(seconds));

            Assert.Equal(original.Add(mention), restored.Add(mention));
            AssertSameAt(original, restored, T0.AddSeconds(Math.Max(seconds, 30)));
        }
    }

    [Fact]
    public void OnlyNonEmptyBucketsAreSavedNewestFirst()
    {
        var window = new RollingWindow(Second, 10);
        window.Add(AtSeconds(1));
        window.Add(AtSeconds(4));
        window.Add(AtSeconds(4.5));
        window.Add(AtSeconds(7));

        var state = window.Export();

        Assert.Equal(window.SlotOf(T0.AddSeconds(7)), state.Head);
        Assert.Equal([0, 3, 6], state.Ages);
        Assert.Equal([1, 2, 1], state.Buckets.Select(b => b.Count));
    }

    [Fact]
    public void AnEmptyWindowRoundTripsAndThenFillsLikeANewOne()
    {
        var state = new RollingWindow(Second, 10).Export();

        var restored = RollingWindow.Restore(state);

        Assert.Equal(-1, state.Head);
        Assert.Empty(state.Buckets);
        Assert.Equal(0, restored.Sum(T0, TimeSpan.FromHours(1)).Count);
        Assert.True(restored.Add(AtSeconds(2)));
        Assert.Equal(1, restored.Sum(T0.AddSeconds(2), restored.Horizon).Count);
    }

    [Fact]
    public void RestoringFromADifferentProcessNeedsOnlyTheData()
    {
        var original = Busy(new Random(4));
        var state = original.Export();

        // Rebuilt field by field, as a checkpoint stored elsewhere would be.
        var copied = new RollingWindowState(
            state.Resolution, state.Capacity, state.Head, [.. state.Ages],
            [.. state.Buckets.Select(b => new Bucket(b.Positive, b.Neutral, b.Negative, b.SentimentSum, b.Likes, b.Shares, b.Comments, b.Reach))]);

        AssertSameAt(original, RollingWindow.Restore(copied), T0.AddSeconds(32));
    }

    [Theory]
    [InlineData(10)] // beyond the capacity
    [InlineData(-1)]
    [InlineData(8)] // before slot 0: the head is slot 7
    public void AStateWithABucketOutsideTheRingIsRejected(int age)
    {
        var state = new RollingWindowState(Second, 10, 7, [age], [new Bucket(1, 0, 0, 0.5, 0, 0, 0, 0)]);

        Assert.Throws<ArgumentException>(() => RollingWindow.Restore(state));
    }

    [Fact]
    public void AStateWithABucketSavedTwiceIsRejected()
    {
        var bucket = new Bucket(1, 0, 0, 0.5, 0, 0, 0, 0);
        var state = new RollingWindowState(Second, 10, 100, [2, 2], [bucket, bucket]);

        Assert.Throws<ArgumentException>(() => RollingWindow.Restore(state));
    }

    [Fact]
    public void AStateWithMoreAgesThanBucketsIsRejected()
    {
        var state = new RollingWindowState(Second, 10, 100, [0, 1], [new Bucket(1, 0, 0, 0.5, 0, 0, 0, 0)]);

        Assert.Throws<ArgumentException>(() => RollingWindow.Restore(state));
    }
}
