using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

/// <summary>The novelty test: a significant rise alerts only when it is the busiest bucket or hour of the record horizon.</summary>
public sealed class RecentPeakTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly int OneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);

    private static VolumeAnomalyDetector Detector(Sensitivity sensitivity = Sensitivity.Normal) =>
        new(DetectorSettings.For(sensitivity, FiveMinutes));

    [Fact]
    public void ASpikeSmallerThanOneInThePastTwoWeeksIsReportedButNotAlerted()
    {
        var big = 2 * OneDay;
        var small = big + (2 * OneDay);
        var results = Run(Detector(), small + 12, i => i == big ? 2000 : i == small ? 300 : 20);

        Assert.Equal([big], AlertBuckets(results));
        Assert.Equal(AnomalyKind.None, results[small].Kind);
        Assert.True(results[small].Deviation > 10, $"deviation {results[small].Deviation} should still be far beyond noise");
    }

    [Fact]
    public void ASpikeLargerThanEveryEarlierOneAlertsAgain()
    {
        var big = 2 * OneDay;
        var next = big + (2 * OneDay);
        var results = Run(Detector(), next + 12, i => i == big ? 600 : i == next ? 900 : 20);

        Assert.Equal([big, next], AlertBuckets(results));
    }

    [Fact]
    public void APeakOlderThanTheHorizonNoLongerSilencesSmallerSpikes()
    {
        var big = 2 * OneDay;
        var later = big + (16 * OneDay);
        var results = Run(Detector(), later + 12, i => i == big ? 2000 : i == later ? 300 : 20);

        Assert.Equal([big, later], AlertBuckets(results));
    }

    [Fact]
    public void HighSensitivityForgetsAfterThreeDays()
    {
        var big = 2 * OneDay;
        var later = big + (4 * OneDay);
        double Mean(int i) => i == big ? 2000 : i == later ? 300 : 20;

        Assert.Equal([big, later], AlertBuckets(Run(Detector(Sensitivity.High), later + 12, Mean)));
        Assert.Equal([big], AlertBuckets(Run(Detector(Sensitivity.Normal), later + 12, Mean)));
    }

    [Fact]
    public void ASustainedRiseBelowAnEarlierSpikeAlertsWhenItMakesTheBusiestHour()
    {
        // One 2 000-mention bucket is a busy five minutes, not a busy hour: 400 a bucket for an hour is a new record hour.
        var big = 2 * OneDay;
        var rise = big + (2 * OneDay);
        var results = Run(Detector(), rise + 48, i => i == big ? 2000 : i >= rise ? 400 : 20);

        var opened = AlertBuckets(results).Where(a => results[a].Opens).ToArray();
        Assert.Equal(2, opened.Length);
        Assert.InRange(opened[1], rise, rise + 12);
    }
}
