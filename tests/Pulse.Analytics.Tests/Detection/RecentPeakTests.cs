using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

/// <summary>The "biggest thing in a week" test that spikes (half the peak) and sustained rises (7 % of it, by their recent level) pass before they alert.</summary>
public sealed class RecentPeakTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly int OneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);

    private static VolumeAnomalyDetector Detector() => new(DetectorSettings.For(Sensitivity.Normal, FiveMinutes));

    [Fact]
    public void ASpikeFarBelowThisWeeksPeakIsReportedButNotAlerted()
    {
        var big = 2 * OneDay;
        var small = big + (2 * OneDay);
        var results = Run(Detector(), small + 12, i => i == big ? 2000 : i == small ? 300 : 20);

        Assert.Equal([big], AlertBuckets(results));
        Assert.Equal(AnomalyKind.Spike, results[small].Kind);
        Assert.True(results[small].Deviation > 7.5, $"deviation {results[small].Deviation} should still read as a spike");
    }

    [Fact]
    public void ASpikeOfHalfThisWeeksPeakStillAlerts()
    {
        var big = 2 * OneDay;
        var next = big + (2 * OneDay);
        var results = Run(Detector(), next + 12, i => i == big ? 600 : i == next ? 400 : 20);

        Assert.Equal([big, next], AlertBuckets(results));
    }

    [Fact]
    public void APeakOlderThanAWeekNoLongerSilencesSmallerSpikes()
    {
        var big = 2 * OneDay;
        var later = big + (8 * OneDay);
        var results = Run(Detector(), later + 12, i => i == big ? 2000 : i == later ? 300 : 20);

        Assert.Equal([big, later], AlertBuckets(results));
    }

    [Fact]
    public void ASustainedRiseAlertsBelowHalfThisWeeksPeakWhenItsLevelIsAFifthOfIt()
    {
        var big = 2 * OneDay;
        var rise = big + (2 * OneDay);
        var results = Run(Detector(), rise + 48, i => i == big ? 2000 : i >= rise ? 400 : 20);

        var alerts = AlertBuckets(results);
        Assert.Equal(2, alerts.Length);
        Assert.InRange(alerts[1], rise, rise + 24);
    }

    [Fact]
    public void ASustainedRiseToAFewPercentOfThisWeeksPeakIsReportedButNotAlerted()
    {
        // Tripling from 20 to 60 a bucket two days after a 2 000-mention bucket: a rise, but not news this week.
        var big = 2 * OneDay;
        var rise = big + (2 * OneDay);
        double Mean(int i) => i == big ? 2000 : i >= rise ? 60 : 20;
        var results = Run(Detector(), rise + 72, Mean);

        Assert.Equal([big], AlertBuckets(results));
        Assert.Contains(results[rise..], r => r.Kind == AnomalyKind.Spike);

        var exempt = new VolumeAnomalyDetector(DetectorSettings.For(Sensitivity.Normal, FiveMinutes) with { SustainedPeakFactor = 0 });
        var alerts = AlertBuckets(Run(exempt, rise + 72, Mean));
        Assert.Equal(2, alerts.Length);
        Assert.InRange(alerts[1], rise, rise + 24);
    }

    [Fact]
    public void ANegativeSustainedPeakFactorIsRejected()
    {
        var settings = DetectorSettings.Default with { SustainedPeakFactor = -0.1 };

        Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);
    }

    [Fact]
    public void HighSensitivityHasNoPeakTest()
    {
        Assert.Equal(0, DetectorSettings.For(Sensitivity.High, FiveMinutes).PeakHorizonBuckets);
        Assert.Equal(BucketsIn(TimeSpan.FromDays(7), FiveMinutes), DetectorSettings.For(Sensitivity.Normal, FiveMinutes).PeakHorizonBuckets);
    }

    [Fact]
    public void ANonPositivePeakFactorIsRejected()
    {
        var settings = DetectorSettings.Default with { PeakFactor = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);
    }
}
