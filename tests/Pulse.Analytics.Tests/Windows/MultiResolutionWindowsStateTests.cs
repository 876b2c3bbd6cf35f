using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

public sealed class MultiResolutionWindowsStateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan[] Spans = [Second, TimeSpan.FromSeconds(10), Minute, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(25)];

    // 1 000 mentions over the last 26 hours, the last ones dense, ending at T0 + 26 h.
    private static MultiResolutionWindows Busy()
    {
        var random = new Random(7);
        var windows = new MultiResolutionWindows(WindowLayout.Default);
        for (int i = 0; i < 1000; i++)
        {
            var hoursBack = i < 500 ? random.NextDouble() * 26 : random.NextDouble() * 0.05;
            windows.Add(At(T0.AddHours(26 - hoursBack), (SentimentLabel)random.Next(3), 0.25f, likes: i));
        }

        return windows;
    }

    private static void AssertSameAt(MultiResolutionWindows expected, MultiResolutionWindows actual, DateTimeOffset now)
    {
        foreach (var span in Spans)
        {
            Assert.Equal(expected.Sum(now, span), actual.Sum(now, span));
        }

        foreach (var window in expected.Windows)
        {
            var expectedSeries = new Bucket[window.Capacity];
            var actualSeries = new Bucket[window.Capacity];
            window.CopySeries(now, expectedSeries);
            actual.Resolution(window.Resolution).CopySeries(now, actualSeries);
            Assert.Equal(expectedSeries, actualSeries);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(600)]
    [InlineData(7200)]
    [InlineData(100_000)]
    public void RestoredWindowsHaveTheSameSumsAndSeriesAtEveryResolution(int secondsLater)
    {
        var original = Busy();

        var restored = MultiResolutionWindows.Restore(WindowLayout.Default, original.Export());

        AssertSameAt(original, restored, T0.AddHours(26).AddSeconds(secondsLater));
    }

    [Fact]
    public void RestoredWindowsKeepAgreeingAsMentionsArrive()
    {
        var original = Busy();
        var restored = MultiResolutionWindows.Restore(WindowLayout.Default, original.Export());

        foreach (var seconds in new[] { 1.0, -50, 90, -4000, 3 * 3600, 3 * 3600 + 1, 30 * 3600 })
        {
            var mention = At(T0.AddHours(26).AddSeconds(seconds), SentimentLabel.Negative, -0.5f, shares: 3);

            Assert.Equal(original.Add(mention), restored.Add(mention));
            AssertSameAt(original, restored, T0.AddHours(26).AddSeconds(Math.Max(seconds, 0)));
        }
    }

    [Fact]
    public void EmptyWindowsRoundTrip()
    {
        var state = new MultiResolutionWindows(WindowLayout.Default).Export();

        var restored = MultiResolutionWindows.Restore(WindowLayout.Default, state);

        Assert.All(state, s => Assert.Empty(s.Buckets));
        Assert.Equal(0, restored.Sum(T0, TimeSpan.FromHours(25)).Count);
    }

    [Fact]
    public void ARingWhoseShapeChangedStartsEmptyAndTheOthersAreRestored()
    {
        var old = new MultiResolutionWindows(new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 10)]));
        old.Add(AtSeconds(5));
        var changed = new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 20), new WindowResolution(TimeSpan.FromHours(1), 5)]);

        var restored = MultiResolutionWindows.Restore(changed, old.Export());

        Assert.Equal([10, 20, 5], restored.Windows.Select(w => w.Capacity));
        Assert.Equal([1, 0, 0], restored.Windows.Select(w => w.Sum(T0.AddSeconds(5), w.Horizon).Count));
    }
}
