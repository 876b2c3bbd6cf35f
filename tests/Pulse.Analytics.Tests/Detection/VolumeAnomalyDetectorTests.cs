using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

public sealed class VolumeAnomalyDetectorTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly int TwoDays = BucketsIn(TimeSpan.FromDays(2), FiveMinutes);

    private static VolumeAnomalyDetector Detector(Sensitivity sensitivity = Sensitivity.Normal) =>
        new(DetectorSettings.For(sensitivity, FiveMinutes));

    [Fact]
    public void AFiveFoldSpikeIsAlertedWithinAFewBucketsOfItsStart()
    {
        var start = TwoDays;
        var results = Run(Detector(), start + 24, i => i >= start && i < start + 6 ? 100 : 20);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, start, start + 2);
        Assert.Equal(AnomalyKind.Spike, results[alert].Kind);
        Assert.InRange(results[alert].Expected, 15, 25);
    }

    [Fact]
    public void AStationarySeriesRaisesAtMostOneAlertInTenThousandBuckets()
    {
        var results = Run(Detector(Sensitivity.High), 10_000, _ => 20, seed: 42);

        Assert.True(AlertBuckets(results).Length <= 1, $"alerts at {string.Join(", ", AlertBuckets(results))}");
    }

    [Fact]
    public void AChannelGoingSilentIsAlertedAsADropWithinAboutAnHour()
    {
        var start = TwoDays;
        var results = Run(Detector(), start + 36, i => i >= start ? 0 : 50);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.Equal(AnomalyKind.Drop, results[alert].Kind);
        Assert.InRange(alert, start + 11, start + 15);
    }

    [Fact]
    public void AShortGapInALowVolumeChannelIsNoDrop()
    {
        var start = TwoDays;
        var results = Run(Detector(), start + 36, i => i >= start ? 0 : 2);

        Assert.Empty(AlertBuckets(results));
    }

    [Fact]
    public void TheRefractoryPeriodTurnsRepeatedSpikesIntoOneIncident()
    {
        var spikes = new[] { TwoDays, TwoDays + 24, TwoDays + 48 };
        var results = Run(Detector(), TwoDays + 72, i => Array.IndexOf(spikes, i) >= 0 ? 100 : 20);

        Assert.Equal([TwoDays], AlertBuckets(results));
        Assert.Equal(AnomalyKind.Spike, results[TwoDays + 24].Kind);
    }

    [Fact]
    public void ASpikeAfterTheRefractoryPeriodIsANewIncident()
    {
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var spikes = new[] { TwoDays, TwoDays + oneDay + 12 };
        var results = Run(Detector(), TwoDays + oneDay + 24, i => Array.IndexOf(spikes, i) >= 0 ? 100 : 20);

        Assert.Equal(spikes, AlertBuckets(results));
    }

    [Fact]
    public void AMuchLargerSpikeWithinAnIncidentEscalatesIt()
    {
        var results = Run(Detector(), TwoDays + 24, i => i == TwoDays ? 100 : i == TwoDays + 12 ? 1000 : 20);

        Assert.Equal([TwoDays, TwoDays + 12], AlertBuckets(results));
        Assert.True(results[TwoDays + 12].Severity > results[TwoDays].Severity);
    }

    [Fact]
    public void NoAlertIsRaisedDuringWarmUp()
    {
        var detector = Detector();
        var warmUp = detector.Settings.WarmUpBuckets;
        var results = Run(detector, warmUp, i => i == warmUp / 2 ? 500 : 20);

        Assert.Empty(AlertBuckets(results));
        Assert.Equal(AnomalyKind.Spike, results[warmUp / 2].Kind);
    }

    [Fact]
    public void SeverityGrowsWithTheMagnitudeOfTheSpike()
    {
        int SeverityOf(double factor) => Run(Detector(), TwoDays + 1, i => i == TwoDays ? 20 * factor : 20)[TwoDays].Severity;

        var small = SeverityOf(5);
        var large = SeverityOf(30);

        Assert.InRange(small, 1, 10);
        Assert.True(large > small, $"severity {large} at 30x is not above {small} at 5x");
    }

    [Fact]
    public void SeverityGrowsWhileAnIncidentPersists()
    {
        var results = Run(Detector(), TwoDays + 12, i => i >= TwoDays ? 100 : 20);

        Assert.True(
            results[TwoDays + 11].Severity > results[TwoDays].Severity,
            $"severity {results[TwoDays + 11].Severity} after an hour is not above {results[TwoDays].Severity} at the start");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(300)]
    public void DetectionBehavesAlikeAtEveryBucketSize(int bucketSeconds)
    {
        var size = TimeSpan.FromSeconds(bucketSeconds);
        var detector = new VolumeAnomalyDetector(DetectorSettings.For(Sensitivity.Normal, size));
        var start = BucketsIn(TimeSpan.FromDays(2), size);
        var length = BucketsIn(TimeSpan.FromMinutes(30), size);
        var results = Run(detector, start + length, i => i >= start ? 100 : 20);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, start, start + 2);
    }

    [Fact]
    public void ADailyPatternDoesNotAlertAtItsRegularPeaksOnceADayIsKnown()
    {
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var results = Run(Detector(), 8 * oneDay, DailyPeak);

        Assert.All(AlertBuckets(results), alert => Assert.True(alert < oneDay, $"alert on day {alert / oneDay} at bucket {alert}"));
    }

    [Fact]
    public void ADailyPatternStopsLookingAnomalousOnceItsProfileIsLearned()
    {
        // The profile has a half-life of three days; a 20x swing is learned within four.
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var results = Run(Detector(), 8 * oneDay, DailyPeak);

        Assert.Equal(0, AnomalousBucketsAfter(results, 4 * oneDay));
    }

    [Fact]
    public void WithoutSeasonalityTheSameDailyPeaksReadAsSpikes()
    {
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var settings = DetectorSettings.Default with { SeasonalityPeriodBuckets = 0, SeasonalSlots = 1 };
        var results = Run(new VolumeAnomalyDetector(settings), 8 * oneDay, DailyPeak);

        Assert.True(AnomalousBucketsAfter(results, oneDay) > 7, "the peaks of days 2..8 should look anomalous without a profile");
    }

    [Fact]
    public void ASustainedModerateRiseIsAlertedByItsPersistence()
    {
        var (rise, end) = (TwoDays + (TwoDays / 2), TwoDays + (TwoDays / 2) + 72);
        var results = Run(Detector(), end, i => i >= rise ? 45 : 20);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, rise + 1, end - 1);
        Assert.True(results[alert].Deviation < Detector().Settings.SpikeThreshold, "the alert should come from persistence, not one bucket");
    }

    [Fact]
    public void ANegativeCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Detector().Observe(Start, -1));
    }

    private static int AnomalousBucketsAfter(DetectorResult[] results, int start)
    {
        var count = 0;
        for (var i = start; i < results.Length; i++)
        {
            count += results[i].Kind == AnomalyKind.None ? 0 : 1;
        }

        return count;
    }

    // Quiet nights at 10 a bucket and a midday peak at 200 lasting a few hours: a 20x daily swing.
    private static double DailyPeak(int bucket)
    {
        var hour = bucket % 288 / 12.0;
        return 10 + (190 * Math.Exp(-Math.Pow((hour - 12) / 2.0, 2)));
    }
}
