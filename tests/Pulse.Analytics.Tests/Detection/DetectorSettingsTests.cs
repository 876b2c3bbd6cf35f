using Pulse.Analytics.Detection;

namespace Pulse.Analytics.Tests.Detection;

public sealed class DetectorSettingsTests
{
    [Fact]
    public void TimeBasedSettingsAreConvertedToBucketsOfTheGivenSize()
    {
        var settings = DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromMinutes(1));

        Assert.Equal(1440, settings.WarmUpBuckets);
        Assert.Equal(14 * 1440, settings.RecordHorizonBuckets);
        Assert.Equal(1440, settings.RecordSlotBuckets);
        Assert.Equal(60, settings.LevelSpanBuckets);
        Assert.Equal(1440, settings.DaySpanBuckets);
        Assert.Equal(1440, settings.RefractoryBuckets);
        Assert.Equal(1440, settings.SeasonalityPeriodBuckets);
        Assert.Equal(60, settings.DropMinimumBuckets);
        Assert.Equal(360, settings.LevelHalfLifeBuckets);
    }

    [Fact]
    public void HigherSensitivityMeansLowerThresholdsAndShorterMemory()
    {
        var low = DetectorSettings.For(Sensitivity.Low, TimeSpan.FromMinutes(5));
        var normal = DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromMinutes(5));
        var high = DetectorSettings.For(Sensitivity.High, TimeSpan.FromMinutes(5));

        Assert.True(low.SignificanceThreshold > normal.SignificanceThreshold && normal.SignificanceThreshold > high.SignificanceThreshold);
        Assert.True(low.RecordHorizonBuckets > normal.RecordHorizonBuckets && normal.RecordHorizonBuckets > high.RecordHorizonBuckets);
    }

    [Theory]
    [InlineData(300, 365, 4.28)]
    [InlineData(5, 365, 5.11)]
    [InlineData(300, 30, 3.68)]
    public void TheSignificanceThresholdIsTheNormalQuantileOfTheFalseAlarmBudget(int bucketSeconds, int days, double expected)
    {
        var threshold = Significance.Threshold(TimeSpan.FromDays(days), TimeSpan.FromSeconds(bucketSeconds));

        Assert.Equal(expected, threshold, 2);
    }

    [Theory]
    [InlineData(1.0, 0.158655)]
    [InlineData(3.0, 0.0013499)]
    [InlineData(-1.0, 0.841345)]
    public void TheNormalTailMatchesTables(double z, double tail)
    {
        Assert.Equal(tail, Significance.UpperTail(z), 4);
    }

    [Fact]
    public void DailyBucketsHaveNoTimeOfDaySeasonality()
    {
        var settings = DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromDays(1));

        Assert.Equal(0, settings.SeasonalityPeriodBuckets);
    }

    [Fact]
    public void TheDefaultIsNormalSensitivityAtFiveMinutes()
    {
        Assert.Equal(DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromMinutes(5)), DetectorSettings.Default);
    }

    [Fact]
    public void ANonPositiveBucketSizeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DetectorSettings.For(Sensitivity.Normal, TimeSpan.Zero));
    }

    [Fact]
    public void InvalidSettingsAreRejectedByTheDetector()
    {
        var settings = DetectorSettings.Default with { SignificanceThreshold = double.NaN };

        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeAnomalyDetector(settings));
    }

    [Fact]
    public void MoreSeasonalSlotsThanBucketsPerPeriodAreRejected()
    {
        var settings = DetectorSettings.Default with { SeasonalityPeriodBuckets = 12, SeasonalSlots = 24 };

        Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);
    }
}
