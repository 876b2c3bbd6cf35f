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
    }

    [Fact]
    public void ASpikeAfterTheRefractoryPeriodIsANewIncident()
    {
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var spikes = new[] { TwoDays, TwoDays + oneDay + 12 };
        var results = Run(Detector(), TwoDays + oneDay + 24, i => i == spikes[0] ? 100 : i == spikes[1] ? 150 : 20);

        Assert.Equal(spikes, AlertBuckets(results));
        Assert.True(results[spikes[1]].Opens);
    }

    [Fact]
    public void AMuchLargerSpikeWithinAnIncidentEscalatesIt()
    {
        var results = Run(Detector(), TwoDays + 24, i => i == TwoDays ? 100 : i == TwoDays + 12 ? 1000 : 20);

        Assert.Equal([TwoDays, TwoDays + 12], AlertBuckets(results));
        Assert.True(results[TwoDays + 12].Severity > results[TwoDays].Severity);
        Assert.False(results[TwoDays].Escalates);
        Assert.True(results[TwoDays + 12].Escalates);
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

    [Theory]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    [InlineData(30, 5)]
    public void SeverityStepsOncePerDoublingOfObservedOverExpected(double factor, int severity)
    {
        // Severity counts doublings of (observed + 1) / (expected + 1): 3x of 20 is 61/21 (one doubling), 30x is 601/21.
        var result = Run(Detector(), TwoDays + 1, i => i == TwoDays ? 20 * factor : 20)[TwoDays];

        Assert.Equal(AnomalyKind.Spike, result.Kind);
        Assert.Equal(severity, result.Severity);
    }

    [Fact]
    public void ACrisisThatKeepsDoublingEscalatesTheSameIncident()
    {
        // 20 a bucket, then 80, 320 and 1 280 for an hour each: one incident, opened once, escalated as it grows.
        var start = TwoDays;
        double Mean(int i) => i < start ? 20 : 80 * Math.Pow(4, Math.Min(2, (i - start) / 12));
        var results = Run(Detector(), start + 36, Mean);

        var alerts = AlertBuckets(results);
        Assert.Equal(1, alerts.Count(a => results[a].Opens));
        Assert.True(alerts.Length >= 3, $"alerts at {string.Join(", ", alerts)}");
        for (var k = 1; k < alerts.Length; k++)
        {
            Assert.True(results[alerts[k]].Escalates);
            Assert.True(results[alerts[k]].Severity > results[alerts[k - 1]].Severity);
        }
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

        // Day 0 is warm-up. The profile learns a 20x swing over days (3-day half-life, residuals clipped at 3σ), so until then a
        // peak that happens to beat every earlier one may alert: at most one such alert in a week, none once it is learned.
        var alerts = AlertBuckets(results);
        Assert.True(alerts.Length <= 2, $"alerts at {string.Join(", ", alerts)}");
        Assert.All(alerts, alert => Assert.True(alert < 5 * oneDay, $"alert on day {alert / oneDay} at bucket {alert}"));
    }

    [Fact]
    public void ADailyPatternStopsLookingAnomalousOnceItsProfileIsLearned()
    {
        // The profile has a half-life of three days; a 20x swing is learned within four.
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var results = Run(Detector(), 8 * oneDay, DailyPeak);

        Assert.Equal(0, SignificantBucketsAfter(results, 5 * oneDay));
    }

    [Fact]
    public void WithoutSeasonalityTheMiddayPeakIsNotExpected()
    {
        var oneDay = BucketsIn(TimeSpan.FromDays(1), FiveMinutes);
        var settings = DetectorSettings.Default with { SeasonalityPeriodBuckets = 0, SeasonalSlots = 1 };
        var without = Run(new VolumeAnomalyDetector(settings), 8 * oneDay, DailyPeak);
        var with = Run(Detector(), 8 * oneDay, DailyPeak);

        // The profile expects the midday peak; the plain level (6 h half-life) only lags behind it.
        double NoonExpectation(DetectorResult[] results) => results[((7 * oneDay) + 144)..((7 * oneDay) + 150)].Average(r => r.Expected);
        Assert.True(
            NoonExpectation(with) > 1.5 * NoonExpectation(without),
            $"expected at noon: {NoonExpectation(with):0} with a profile, {NoonExpectation(without):0} without");
    }

    [Fact]
    public void ASustainedDoublingIsAlertedWithinTheHour()
    {
        var (rise, end) = (TwoDays + (TwoDays / 2), TwoDays + (TwoDays / 2) + 72);
        var results = Run(Detector(), end, i => i >= rise ? 45 : 20);

        var alert = Assert.Single(AlertBuckets(results), a => results[a].Opens);
        Assert.InRange(alert, rise, rise + 12);
    }

    [Fact]
    public void ASpikeHoursAfterAnOutageIsAlertedAsItsOwnIncident()
    {
        // Two silent hours in the morning, a fivefold spike in the evening: the fall does not swallow the rise.
        var (silent, spike) = (TwoDays, TwoDays + 120);
        var results = Run(Detector(), spike + 12, i => i >= silent && i < silent + 24 ? 0 : i == spike ? 250 : 50);

        var opened = AlertBuckets(results).Where(a => results[a].Opens).ToArray();
        Assert.Equal(2, opened.Length);
        Assert.Equal(AnomalyKind.Drop, results[opened[0]].Kind);
        Assert.Equal(spike, opened[1]);
        Assert.Equal(AnomalyKind.Spike, results[opened[1]].Kind);
    }

    [Fact]
    public void ASignificantRiseOfLessThanTwiceTheUsualIsReportedButNotAlerted()
    {
        // 20 to 30 a bucket for six hours: far beyond noise on the hour scale, but severity 1 (under 2x) is not news.
        var (rise, end) = (TwoDays + (TwoDays / 2), TwoDays + (TwoDays / 2) + 72);
        var results = Run(Detector(), end, i => i >= rise ? 30 : 20);

        Assert.Empty(AlertBuckets(results));
        Assert.Contains(results[rise..], r => r.Kind == AnomalyKind.Spike && r.Severity == 1);
    }

    [Fact]
    public void AMeasurementSeriesMayBeNegativeAndStillSpikes()
    {
        var settings = DetectorSettings.For(Sensitivity.Normal, FiveMinutes, ValueModel.Measurements);
        var detector = new VolumeAnomalyDetector(settings);
        var random = new Random(3);
        DetectorResult spike = default;
        for (var i = 0; i <= TwoDays; i++)
        {
            var value = i == TwoDays ? 40.0 : -10.0 + random.NextDouble();
            var result = detector.Observe(Start + (FiveMinutes * i), value);
            if (i == TwoDays)
            {
                spike = result;
            }
            else
            {
                Assert.False(result.Alert, $"alert at {i}");
            }
        }

        Assert.True(spike.Opens);
    }

    [Fact]
    public void ANegativeCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Detector().Observe(Start, -1));
    }

    private static int SignificantBucketsAfter(DetectorResult[] results, int start)
    {
        var threshold = DetectorSettings.Default.SignificanceThreshold;
        var count = 0;
        for (var i = start; i < results.Length; i++)
        {
            count += results[i].Deviation >= threshold ? 1 : 0;
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
