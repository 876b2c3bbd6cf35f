namespace Pulse.Analytics.Detection;

/// <summary>
/// Streaming spike and drop detector for mention counts per bucket. Counts are variance-stabilised
/// (<see cref="CountTransform"/>), compared with a robust seasonal baseline, and judged two ways: a
/// single bucket far above the baseline (early alert on sharp spikes) or a CUSUM of moderate deviations
/// (sustained rises and falls). O(1) time and fixed memory per bucket, no allocation per call.
/// Not thread-safe: one instance per (brand, channel) series, fed in time order.
/// </summary>
public sealed class VolumeAnomalyDetector
{
    private readonly DetectorSettings _settings;
    private readonly SeasonalBaseline _baseline;
    private readonly IncidentTracker _incidents;
    private readonly RecentPeak? _peaks;
    private double _rise;
    private double _fall;
    private int _fallingBuckets;

    // The recent level and its rate are floats and the kind a byte so the detector is no larger than before they were
    // added (80 bytes): there is one per (brand, channel) grain. Float precision is ample for a level judged against 10 %.
    private readonly float _recentLevelRate;
    private float _recentLevel = float.NaN;
    private readonly byte _spikeKind;
    private readonly bool _detectDrops;

    public VolumeAnomalyDetector(DetectorSettings settings)
        : this(settings, AnomalyKind.Spike, detectDrops: true)
    {
    }

    internal VolumeAnomalyDetector(DetectorSettings settings, AnomalyKind spikeKind, bool detectDrops)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _baseline = new SeasonalBaseline(settings, e => CountTransform.PoissonScale(e, settings.Dispersion));
        _incidents = new IncidentTracker(settings);
        _spikeKind = (byte)spikeKind;
        _detectDrops = detectDrops;
        if (settings.PeakHorizonBuckets > 0)
        {
            _peaks = RecentPeak.Over(settings.PeakHorizonBuckets);
        }

        _recentLevelRate = (float)(1.0 - Math.Pow(0.5, 1.0 / settings.RecentLevelHalfLifeBuckets));
    }

    public DetectorSettings Settings => _settings;

    /// <summary>Observes the count of one bucket; buckets must arrive in time order, one per bucket (send 0 for empty ones).</summary>
    public DetectorResult Observe(DateTimeOffset bucketStart, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A bucket count must be a finite, non-negative number.");
        }

        var s = _settings;
        var z = CountTransform.Stabilise(value, s.Dispersion);
        var first = _baseline.Observed == 0;
        var e = _baseline.Expect(bucketStart);
        var sigma = _baseline.Scale(e);
        var expected = CountTransform.Invert(e, s.Dispersion);
        var deviation = first ? 0.0 : (z - e) / sigma;

        // CUSUM in both directions; single-bucket contributions are capped so one outlier cannot fake persistence,
        // and the sums saturate at twice their decision level so a long incident does not read as an ever larger one.
        var cap = 2.0 * s.SpikeThreshold;
        _rise = Math.Clamp(_rise + Math.Min(deviation, cap) - s.PersistenceAllowance, 0.0, 2.0 * s.PersistenceThreshold);
        _fall = Math.Clamp(_fall - Math.Max(deviation, -cap) - s.PersistenceAllowance, 0.0, 2.0 * s.DropThreshold);
        _fallingBuckets = deviation < -s.PersistenceAllowance ? _fallingBuckets + 1 : 0;

        var riseMagnitude = Math.Max(deviation / s.SpikeThreshold, _rise / s.PersistenceThreshold);
        var fallMagnitude = _detectDrops ? Math.Max(-deviation / s.SpikeThreshold, _fall / s.DropThreshold) : 0.0;
        var isSpike = riseMagnitude >= 1.0 && value >= s.MinimumVolume;

        // A jump far above the baseline that is still well below the largest count of recent days is reported, but is
        // not news: alerting on it trained users to ignore alerts. A sustained rise (the CUSUM) is judged on its own time
        // scale: the last hour's level against a (smaller) fraction of that largest count.
        _recentLevel = float.IsNaN(_recentLevel) ? (float)value : (float)(_recentLevel + (_recentLevelRate * (value - _recentLevel)));
        var alertable = isSpike && (_peaks is null
            || value >= s.PeakFactor * _peaks.Peak
            || (_rise >= s.PersistenceThreshold && _recentLevel >= s.SustainedPeakFactor * _peaks.Peak));
        _peaks?.Add(value);
        var isDrop = _detectDrops
            && _fall >= s.DropThreshold
            && _fallingBuckets >= s.DropMinimumBuckets
            && expected >= s.MinimumVolume;

        var magnitude = isSpike ? riseMagnitude : isDrop ? fallMagnitude : Math.Max(riseMagnitude, fallMagnitude);
        var alert = _incidents.Observe(alertable || isDrop, alertable ? deviation / s.SpikeThreshold : 0.0);
        var severity = isSpike || isDrop ? _incidents.Severity(magnitude) : 0;

        _baseline.Learn(z, e);
        if (alert)
        {
            // The evidence has been reported; the incident's continuation is tracked by the refractory period.
            _rise = 0.0;
            _fall = 0.0;
        }

        var score = magnitude / (1.0 + magnitude);
        if (!isSpike && !isDrop)
        {
            return DetectorResult.Quiet(expected, deviation, score);
        }

        return new DetectorResult(score, alert, isSpike ? (AnomalyKind)_spikeKind : AnomalyKind.Drop, severity, expected, deviation);
    }
}
