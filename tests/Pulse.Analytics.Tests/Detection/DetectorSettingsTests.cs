using Pulse.Analytics.Detection;

namespace Pulse.Analytics.Tests.Detection;

public sealed class DetectorSettingsTests
{
    [Fact]
    public void TimeBasedSettingsAreConvertedToBucketsOfTheGivenSize()
    {
        var settings = DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromMinutes(1));

        Assert.Equal(120, settings.WarmUpBuckets);
        Assert.Equal(1440, settings.RefractoryBuckets);
        Assert.Equal(1440, settings.SeasonalityPeriodBuckets);
        Assert.Equal(60, settings.DropMinimumBuckets);
        Assert.Equal(360, settings.LevelHalfLifeBuckets);
    }

    [Fact]
    public void HigherSensitivityMeansLowerThresholds()
    {
        var low = DetectorSettings.For(Sensitivity.Low, TimeSpan.FromMinutes(5));
        var normal = DetectorSettings.For(Sensitivity.Normal, TimeSpan.FromMinutes(5));
        var high = DetectorSettings.For(Sensitivity.High, TimeSpan.FromMinutes(5));

        Assert.True(low.SpikeThreshold > normal.SpikeThreshold && normal.SpikeThreshold > high.SpikeThreshold);
        Assert.True(low.PersistenceThreshold > normal.PersistenceThreshold && normal.PersistenceThreshold > high.PersistenceThreshold);
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
        var settings = DetectorSettings.Default with { SpikeThreshold = double.NaN };

        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeAnomalyDetector(settings));
    }

    [Fact]
    public void MoreSeasonalSlotsThanBucketsPerPeriodAreRejected()
    {
        var settings = DetectorSettings.Default with { SeasonalityPeriodBuckets = 12, SeasonalSlots = 24 };

        Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);
    }
}
