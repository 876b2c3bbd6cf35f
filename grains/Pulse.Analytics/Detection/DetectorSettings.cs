namespace Pulse.Analytics.Detection;

/// <summary>
/// Tuning of the anomaly detectors. Time-based ideas (warm-up, refractory period, baseline memory, seasonality)
/// are stored in buckets; <see cref="For"/> converts them from wall-clock spans so a detector behaves the same
/// at 1 s, 1 min or 5 min buckets.
/// </summary>
/// <remarks>
/// Deviations are measured in robust standard deviations of a variance-stabilised count
/// (see <see cref="Dispersion"/>), so thresholds mean the same for small and large brands.
/// </remarks>
public sealed record DetectorSettings
{
    /// <summary>Width of one observed bucket.</summary>
    public TimeSpan BucketSize { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A single bucket this many robust standard deviations above the baseline is a spike.</summary>
    public double SpikeThreshold { get; init; } = 7.5;

    /// <summary>CUSUM allowance: deviations up to this many standard deviations do not accumulate.</summary>
    public double PersistenceAllowance { get; init; } = 1.0;

    /// <summary>CUSUM decision level for a sustained rise (sum of deviations beyond the allowance).</summary>
    public double PersistenceThreshold { get; init; } = 60.0;

    /// <summary>CUSUM decision level for a sustained fall.</summary>
    public double DropThreshold { get; init; } = 40.0;

    /// <summary>A drop must have lasted this many consecutive buckets (silence needs time to be significant).</summary>
    public int DropMinimumBuckets { get; init; } = 12;

    /// <summary>No alerts during the first buckets while the baseline forms.</summary>
    public int WarmUpBuckets { get; init; } = 24;

    /// <summary>A new incident needs this many quiet buckets since the last anomalous one; until then it is the same incident.</summary>
    public int RefractoryBuckets { get; init; } = 288;

    /// <summary>Within an incident, a spike this many times larger than the alerted one alerts again (escalation); 0 disables.</summary>
    public double EscalationFactor { get; init; } = 1.5;

    /// <summary>Spikes need at least this many mentions in the bucket, drops at least this many expected.</summary>
    public double MinimumVolume { get; init; } = 5.0;

    /// <summary>Length of the seasonal cycle in buckets (a day); 0 = no seasonality. Used once one full period is seen.</summary>
    public int SeasonalityPeriodBuckets { get; init; } = 288;

    /// <summary>Number of time-of-period slots in the seasonal profile (hours of the day); fixed memory at any resolution.</summary>
    public int SeasonalSlots { get; init; } = 24;

    /// <summary>Half-life of the baseline level, in buckets.</summary>
    public double LevelHalfLifeBuckets { get; init; } = 72;

    /// <summary>Half-life of the noise scale estimate, in buckets.</summary>
    public double ScaleHalfLifeBuckets { get; init; } = 144;

    /// <summary>Half-life of the seasonal profile, in seasonal periods (days).</summary>
    public double SeasonalHalfLifePeriods { get; init; } = 3.0;

    /// <summary>
    /// Negative-binomial over-dispersion φ (variance = μ + φμ²) of the variance-stabilising transform:
    /// behaves like Anscombe's square root for small counts and like a logarithm for large ones.
    /// </summary>
    public double Dispersion { get; init; } = 0.05;

    /// <summary>Residuals are clipped at this many standard deviations before they update the baseline (robustness).</summary>
    public double BaselineClip { get; init; } = 3.0;

    /// <summary>
    /// Horizon of the "biggest thing in days" test, in buckets: a single-bucket spike alerts only when its count
    /// reaches <see cref="PeakFactor"/> times the largest count seen over this horizon (sustained rises are exempt).
    /// 0 disables the test.
    /// </summary>
    public int PeakHorizonBuckets { get; init; } = 2016;

    /// <summary>Fraction of the recent peak (see <see cref="PeakHorizonBuckets"/>) a single-bucket spike must reach to alert.</summary>
    public double PeakFactor { get; init; } = 0.5;

    /// <summary>
    /// Fraction of the recent peak (see <see cref="PeakHorizonBuckets"/>) the recent level (see
    /// <see cref="RecentLevelHalfLifeBuckets"/>) must reach for a sustained rise (the CUSUM) to alert: a slow climb at night
    /// to a few percent of the week's largest bucket is not news either. 0 exempts sustained rises from the peak test.
    /// </summary>
    public double SustainedPeakFactor { get; init; } = 0.07;

    /// <summary>Half-life, in buckets, of the recent level (an EWMA of the raw counts) that <see cref="SustainedPeakFactor"/> judges.</summary>
    public double RecentLevelHalfLifeBuckets { get; init; } = 12;

    /// <summary>Severity grows by one step each time an incident's duration doubles past this many buckets.</summary>
    public double SeverityPersistenceBuckets { get; init; } = 3;

    /// <summary>The settings the grains use for 5-minute buckets at normal sensitivity.</summary>
    public static DetectorSettings Default { get; } = For(Sensitivity.Normal, TimeSpan.FromMinutes(5));

    /// <summary>Settings for a sensitivity at a bucket size, with every time-based parameter converted to buckets.</summary>
    public static DetectorSettings For(Sensitivity sensitivity, TimeSpan bucketSize)
    {
        if (bucketSize <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketSize), bucketSize, "The bucket size must be positive.");
        }

        // Normal: a single bucket must be 7.5 robust deviations above its baseline AND at least half the largest count of
        // the past week ("is this among the biggest things this week?", the way a communications team judges a spike).
        // A sustained rise must lift the last hour's level to 7 % of that largest count (SustainedPeakFactor).
        // Low looks back two weeks, High drops the test. Drops keep their own decision level.
        var (spike, persistence, drop, refractory, peakHorizon) = sensitivity switch
        {
            Sensitivity.Low => (9.0, 80.0, 60.0, TimeSpan.FromDays(1), TimeSpan.FromDays(14)),
            Sensitivity.Normal => (7.5, 60.0, 40.0, TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
            Sensitivity.High => (5.0, 20.0, 20.0, TimeSpan.FromHours(6), TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "Unknown sensitivity."),
        };

        var periodBuckets = Buckets(TimeSpan.FromDays(1), bucketSize);
        var seasonal = periodBuckets >= 2;
        var settings = new DetectorSettings
        {
            BucketSize = bucketSize,
            SpikeThreshold = spike,
            PersistenceThreshold = persistence,
            DropThreshold = drop,
            DropMinimumBuckets = Math.Max(1, Buckets(TimeSpan.FromHours(1), bucketSize)),
            WarmUpBuckets = Math.Max(2, Buckets(TimeSpan.FromHours(2), bucketSize)),
            RefractoryBuckets = Buckets(refractory, bucketSize),
            PeakHorizonBuckets = Buckets(peakHorizon, bucketSize),
            SeasonalityPeriodBuckets = seasonal ? periodBuckets : 0,
            SeasonalSlots = seasonal ? Math.Min(24, periodBuckets) : 1,
            LevelHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromHours(6) / bucketSize),
            ScaleHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromHours(12) / bucketSize),
            RecentLevelHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromHours(1) / bucketSize),
            SeverityPersistenceBuckets = Math.Max(1.0, TimeSpan.FromMinutes(15) / bucketSize),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Require(BucketSize > TimeSpan.Zero, nameof(BucketSize), BucketSize);
        Require(SpikeThreshold > 0, nameof(SpikeThreshold), SpikeThreshold);
        Require(PersistenceAllowance >= 0, nameof(PersistenceAllowance), PersistenceAllowance);
        Require(PersistenceThreshold > 0, nameof(PersistenceThreshold), PersistenceThreshold);
        Require(DropThreshold > 0, nameof(DropThreshold), DropThreshold);
        Require(DropMinimumBuckets >= 1, nameof(DropMinimumBuckets), DropMinimumBuckets);
        Require(WarmUpBuckets >= 1, nameof(WarmUpBuckets), WarmUpBuckets);
        Require(RefractoryBuckets >= 0, nameof(RefractoryBuckets), RefractoryBuckets);
        Require(EscalationFactor == 0 || EscalationFactor > 1, nameof(EscalationFactor), EscalationFactor);
        Require(PeakHorizonBuckets >= 0, nameof(PeakHorizonBuckets), PeakHorizonBuckets);
        Require(PeakFactor > 0 && double.IsFinite(PeakFactor), nameof(PeakFactor), PeakFactor);
        Require(SustainedPeakFactor >= 0 && double.IsFinite(SustainedPeakFactor), nameof(SustainedPeakFactor), SustainedPeakFactor);
        Require(RecentLevelHalfLifeBuckets >= 1, nameof(RecentLevelHalfLifeBuckets), RecentLevelHalfLifeBuckets);
        Require(MinimumVolume >= 0, nameof(MinimumVolume), MinimumVolume);
        Require(SeasonalityPeriodBuckets >= 0, nameof(SeasonalityPeriodBuckets), SeasonalityPeriodBuckets);
        Require(
            SeasonalSlots >= 1 && (SeasonalityPeriodBuckets == 0 || SeasonalSlots <= SeasonalityPeriodBuckets),
            nameof(SeasonalSlots),
            SeasonalSlots);
        Require(LevelHalfLifeBuckets >= 1, nameof(LevelHalfLifeBuckets), LevelHalfLifeBuckets);
        Require(ScaleHalfLifeBuckets >= 1, nameof(ScaleHalfLifeBuckets), ScaleHalfLifeBuckets);
        Require(SeasonalHalfLifePeriods > 0, nameof(SeasonalHalfLifePeriods), SeasonalHalfLifePeriods);
        Require(Dispersion > 0, nameof(Dispersion), Dispersion);
        Require(BaselineClip > 0, nameof(BaselineClip), BaselineClip);
        Require(SeverityPersistenceBuckets >= 1, nameof(SeverityPersistenceBuckets), SeverityPersistenceBuckets);
    }

    private static int Buckets(TimeSpan span, TimeSpan bucketSize) =>
        (int)Math.Min(int.MaxValue, Math.Ceiling(span / bucketSize));

    private static void Require<T>(bool ok, string name, T value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is out of range.");
        }
    }
}
