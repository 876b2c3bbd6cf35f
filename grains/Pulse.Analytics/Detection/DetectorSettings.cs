namespace Pulse.Analytics.Detection;

/// <summary>
/// Settings of the anomaly detectors. Every number is a time span a communications team thinks in, a false-alarm budget,
/// or a noise model, never a value fitted to a benchmark (Detection/README.md gives the reasoning for each). Time-based
/// ideas are stored in buckets; <see cref="For"/> converts them from wall-clock spans so a detector behaves the same at
/// 1 s, 1 min or 5 min buckets.
/// </summary>
public sealed record DetectorSettings
{
    /// <summary>Width of one observed bucket.</summary>
    public TimeSpan BucketSize { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Counts (mentions, engagement) or real-valued measurements: decides the noise model.</summary>
    public ValueModel Values { get; init; } = ValueModel.Counts;

    /// <summary>
    /// Significance: a deviation must reach this many standard deviations of the learned noise. Derived from a false-alarm
    /// budget (<see cref="Significance.Threshold"/>): pure noise crosses it once a year at Normal.
    /// </summary>
    public double SignificanceThreshold { get; init; } = 4.28;

    /// <summary>
    /// Novelty: a rise alerts only when it makes the busiest bucket, hour or day of this many buckets (two weeks at
    /// Normal); a fall only when it makes the quietest hour. A brand's noisy regulars stop alerting once they are familiar.
    /// </summary>
    public int RecordHorizonBuckets { get; init; } = 4032;

    /// <summary>Resolution of the record horizon: one slot per this many buckets (a day), so memory is fixed.</summary>
    public int RecordSlotBuckets { get; init; } = 288;

    /// <summary>The second time scale judged besides the single bucket: the trailing hour, in buckets.</summary>
    public int LevelSpanBuckets { get; init; } = 12;

    /// <summary>The third time scale: the trailing day, in buckets (a story that keeps a brand busier all day).</summary>
    public int DaySpanBuckets { get; init; } = 288;

    /// <summary>A fall must have lasted this many consecutive buckets (a lull shorter than an hour is not news).</summary>
    public int DropMinimumBuckets { get; init; } = 12;

    /// <summary>
    /// Relevance: an incident alerts only once its severity reaches this (2: at least twice the expected volume, see
    /// <see cref="Severity"/>); a significant but smaller rise of a large brand is reported, not alerted.
    /// </summary>
    public int MinimumSeverity { get; init; } = 2;

    /// <summary>No alerts during the first buckets while the baseline forms (one seasonal period).</summary>
    public int WarmUpBuckets { get; init; } = 288;

    /// <summary>A new incident needs this many quiet buckets since the last anomalous one; until then it is the same incident.</summary>
    public int RefractoryBuckets { get; init; } = 288;

    /// <summary>Spikes need at least this many mentions in the bucket (or in the hour, for an hour-scale rise), drops at least this many expected.</summary>
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
    /// Negative-binomial over-dispersion φ (variance = μ + φμ²) of the variance-stabilising transform for counts:
    /// behaves like Anscombe's square root for small counts and like a logarithm for large ones.
    /// </summary>
    public double Dispersion { get; init; } = 0.05;

    /// <summary>Residuals are clipped at this many standard deviations before they update the baseline (robustness).</summary>
    public double BaselineClip { get; init; } = 3.0;

    /// <summary>The settings the grains use for 5-minute buckets at normal sensitivity.</summary>
    public static DetectorSettings Default { get; } = For(Sensitivity.Normal, TimeSpan.FromMinutes(5));

    /// <summary>The false-alarm budget of pure noise at a sensitivity (see <see cref="SignificanceThreshold"/>).</summary>
    public static TimeSpan FalseAlarmInterval(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Low => TimeSpan.FromDays(3650),
        Sensitivity.Normal => TimeSpan.FromDays(365),
        Sensitivity.High => TimeSpan.FromDays(30),
        _ => throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "Unknown sensitivity."),
    };

    /// <summary>The record horizon at a sensitivity (see <see cref="RecordHorizonBuckets"/>).</summary>
    public static TimeSpan RecordHorizon(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Low => TimeSpan.FromDays(28),
        Sensitivity.Normal => TimeSpan.FromDays(14),
        Sensitivity.High => TimeSpan.FromDays(3),
        _ => throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "Unknown sensitivity."),
    };

    /// <summary>Settings for a sensitivity at a bucket size, with every time-based parameter converted to buckets.</summary>
    public static DetectorSettings For(Sensitivity sensitivity, TimeSpan bucketSize, ValueModel values = ValueModel.Counts)
    {
        if (bucketSize <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketSize), bucketSize, "The bucket size must be positive.");
        }

        var day = TimeSpan.FromDays(1);
        var periodBuckets = Buckets(day, bucketSize);
        var seasonal = periodBuckets >= 2;
        var settings = new DetectorSettings
        {
            BucketSize = bucketSize,
            Values = values,
            SignificanceThreshold = Significance.Threshold(FalseAlarmInterval(sensitivity), bucketSize),
            RecordHorizonBuckets = Buckets(RecordHorizon(sensitivity), bucketSize),
            RecordSlotBuckets = Math.Max(1, Buckets(day, bucketSize)),
            LevelSpanBuckets = Math.Max(1, Buckets(TimeSpan.FromHours(1), bucketSize)),
            DaySpanBuckets = Math.Max(1, Buckets(day, bucketSize)),
            DropMinimumBuckets = Math.Max(1, Buckets(TimeSpan.FromHours(1), bucketSize)),
            WarmUpBuckets = Math.Max(2, periodBuckets),
            RefractoryBuckets = Buckets(day, bucketSize),
            SeasonalityPeriodBuckets = seasonal ? periodBuckets : 0,
            SeasonalSlots = seasonal ? Math.Min(24, periodBuckets) : 1,
            LevelHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromHours(6) / bucketSize),
            ScaleHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromHours(12) / bucketSize),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Require(BucketSize > TimeSpan.Zero, nameof(BucketSize), BucketSize);
        Require(Enum.IsDefined(Values), nameof(Values), Values);
        Require(SignificanceThreshold > 0 && double.IsFinite(SignificanceThreshold), nameof(SignificanceThreshold), SignificanceThreshold);
        Require(RecordHorizonBuckets >= 0, nameof(RecordHorizonBuckets), RecordHorizonBuckets);
        Require(RecordSlotBuckets >= 1, nameof(RecordSlotBuckets), RecordSlotBuckets);
        Require(LevelSpanBuckets >= 1, nameof(LevelSpanBuckets), LevelSpanBuckets);
        Require(DaySpanBuckets >= 1, nameof(DaySpanBuckets), DaySpanBuckets);
        Require(DropMinimumBuckets >= 1, nameof(DropMinimumBuckets), DropMinimumBuckets);
        Require(WarmUpBuckets >= 1, nameof(WarmUpBuckets), WarmUpBuckets);
        Require(RefractoryBuckets >= 0, nameof(RefractoryBuckets), RefractoryBuckets);
        Require(MinimumVolume >= 0, nameof(MinimumVolume), MinimumVolume);
        Require(MinimumSeverity is >= 1 and <= Severity.Maximum, nameof(MinimumSeverity), MinimumSeverity);
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
