namespace Pulse.Analytics.Detection;

/// <summary>
/// Streaming detector of a rising negative share: each bucket's negative count is compared with the
/// binomial expectation under the baseline share (an EWMA of negatives over an EWMA of totals), as a
/// z-score, judged per bucket and by a CUSUM. Buckets below <see cref="DetectorSettings.MinimumVolume"/>
/// mentions are not judged, and the share must also have risen by <see cref="MinimumShareIncrease"/>
/// so large brands do not alert on statistically significant but trivial shifts. O(1), no allocation.
/// </summary>
public sealed class ShareShiftDetector
{
    /// <summary>Smallest absolute rise of the share (0.10 = ten percentage points) that can alert.</summary>
    public const double MinimumShareIncrease = 0.10;

    // Keeps the binomial variance away from zero when the baseline share is near 0 or 1.
    private const double ShareFloor = 0.02;

    private readonly DetectorSettings _settings;
    private readonly IncidentTracker _incidents;
    private readonly double _rate;
    private double _negatives;
    private double _totals;
    private double _rise;

    public ShareShiftDetector(DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _incidents = new IncidentTracker(settings);
        _rate = 1.0 - Math.Pow(0.5, 1.0 / settings.LevelHalfLifeBuckets);
    }

    /// <summary>Observes one bucket's negative and total mention counts; buckets in time order.</summary>
    public DetectorResult Observe(DateTimeOffset bucketStart, int negativeCount, int totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(negativeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalCount, negativeCount);
        _ = bucketStart; // Part of the signature so all detectors are fed alike; the share has no seasonal profile yet.

        var s = _settings;
        var hasBaseline = _totals > 0;
        var baseline = hasBaseline ? _negatives / _totals : 0.0;
        var judged = hasBaseline && totalCount >= s.MinimumVolume;
        var deviation = 0.0;
        if (judged)
        {
            var p = Math.Clamp(baseline, ShareFloor, 1.0 - ShareFloor);
            deviation = (negativeCount - (totalCount * baseline)) / Math.Sqrt(totalCount * p * (1.0 - p));
            _rise = Math.Clamp(_rise + Math.Min(deviation, 2.0 * s.SpikeThreshold) - s.PersistenceAllowance, 0.0, 2.0 * s.PersistenceThreshold);
        }

        var share = totalCount > 0 ? (double)negativeCount / totalCount : 0.0;
        var magnitude = Math.Max(deviation / s.SpikeThreshold, _rise / s.PersistenceThreshold);
        var anomalous = judged && magnitude >= 1.0 && share >= baseline + MinimumShareIncrease;
        var alert = _incidents.Observe(anomalous, deviation / s.SpikeThreshold);
        var severity = anomalous ? _incidents.Severity(magnitude) : 0;
        Learn(negativeCount, totalCount, baseline);
        if (alert)
        {
            _rise = 0.0;
        }

        var score = magnitude / (1.0 + magnitude);
        return anomalous
            ? new DetectorResult(score, alert, AnomalyKind.NegativeShift, severity, baseline, deviation)
            : DetectorResult.Quiet(baseline, deviation, score);
    }

    private void Learn(int negatives, int totals, double baseline)
    {
        if (_totals == 0)
        {
            _negatives = negatives;
            _totals = totals;
            return;
        }

        // Negatives beyond three binomial deviations are clipped so a shift moves the baseline only slowly.
        var expected = totals * baseline;
        var bound = 3.0 * Math.Sqrt(totals * Math.Max(baseline, ShareFloor));
        var robust = Math.Clamp(negatives, expected - bound, expected + bound);
        _negatives += _rate * (Math.Max(0.0, robust) - _negatives);
        _totals += _rate * (totals - _totals);
    }
}
