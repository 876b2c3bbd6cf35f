using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class MultiResolutionWindowsTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // 10 s at 1 s, 10 min at 1 min.
    private static MultiResolutionWindows Small() =>
        new(new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 10)]));

    [Fact]
    public void WindowsFollowTheLayoutFinestFirst()
    {
        var windows = new MultiResolutionWindows(WindowLayout.Default);

        Assert.Equal(
            [Second, Minute, TimeSpan.FromMinutes(15)],
            windows.Windows.Select(w => w.Resolution));
        Assert.Equal([120, 90, 100], windows.Windows.Select(w => w.Capacity));
    }

    [Fact]
    public void AMentionIsAddedAtEveryResolution()
    {
        var windows = Small();

        Assert.True(windows.Add(AtSeconds(3)));

        Assert.All(windows.Windows, w => Assert.Equal(1, w.Sum(T0.AddSeconds(3), w.Horizon).Count));
    }

    [Fact]
    public void SumUsesTheFinestResolutionWhoseHorizonCoversTheSpan()
    {
        var windows = Small();
        windows.Add(AtSeconds(0.5));
        var now = T0.AddSeconds(5);

        // At 1 s the mention lies outside the last 5 s; the minute bucket would have counted it.
        Assert.Equal(0, windows.Sum(now, TimeSpan.FromSeconds(5)).Count);
        Assert.Equal(1, windows.Sum(now, TimeSpan.FromSeconds(20)).Count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)] // a horizon equal to the span covers it
    [InlineData(11, 60)]
    [InlineData(600, 60)]
    [InlineData(86400, 60)] // nothing covers a day: the coarsest answers
    public void TheWindowForASpanIsTheFinestThatCoversIt(int spanSeconds, int expectedResolutionSeconds)
    {
        var windows = Small();

        Assert.Equal(
            TimeSpan.FromSeconds(expectedResolutionSeconds),
            windows.WindowFor(TimeSpan.FromSeconds(spanSeconds)).Resolution);
    }

    [Fact]
    public void AMentionTooOldForTheFineWindowIsStillKeptByTheCoarseOne()
    {
        var windows = Small();
        windows.Add(AtSeconds(100));

        bool accepted = windows.Add(AtSeconds(5));

        Assert.True(accepted);
        Assert.Equal(1, windows.Resolution(Second).Sum(T0.AddSeconds(100), Second * 10).Count);
        Assert.Equal(2, windows.Resolution(Minute).Sum(T0.AddSeconds(100), Minute * 10).Count);
    }

    [Fact]
    public void AMentionTooOldForEveryWindowIsRejected()
    {
        var windows = Small();
        windows.Add(At(T0.AddHours(1)));

        Assert.False(windows.Add(At(T0)));
    }

    [Fact]
    public void OnceGrownAddingAndSummingDoNotAllocate()
    {
        // Rings grow as mentions spread out: warm up with mentions across every ring's whole horizon first.
        var windows = new MultiResolutionWindows(WindowLayout.Default);
        for (int k = 0; k < 100; k++)
        {
            windows.Add(At(T0.AddMinutes(-15 * k))); // every 15-minute bucket, and every minute bucket below
            windows.Add(At(T0.AddMinutes(-k)));
        }

        for (int i = -400; i <= 0; i++)
        {
            var warmUp = AtSeconds(i * 0.37);
            windows.Add(in warmUp);
        }

        windows.Sum(T0, TimeSpan.FromHours(1));
        Assert.All(windows.Windows, w => Assert.Equal(w.Capacity, w.Allocated));

        long before = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        for (int i = 1; i <= 1000; i++)
        {
            var mention = AtSeconds(i * 0.37);
            windows.Add(in mention);
            count += windows.Sum(mention.Timestamp, TimeSpan.FromMinutes(5)).Count;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 0);
    }

    [Fact]
    public void ResolutionReturnsTheWindowAtThatResolution()
    {
        var windows = Small();

        Assert.Same(windows.Windows[1], windows.Resolution(Minute));
    }

    [Fact]
    public void AskingForAnAbsentResolutionNamesTheAvailableOnes()
    {
        var windows = Small();

        var ex = Assert.Throws<ArgumentException>(() => windows.Resolution(TimeSpan.FromMinutes(5)));

        Assert.Contains("00:05:00", ex.Message, StringComparison.Ordinal);
        Assert.Contains("available: 00:00:01, 00:01:00", ex.Message, StringComparison.Ordinal);
    }
}
