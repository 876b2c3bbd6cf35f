namespace Pulse.Analytics.Detection;

/// <summary>
/// Streaming detector of a rising negative share, judged like volume (see <see cref="VolumeAnomalyDetector"/>): the
/// negatives of the bucket, or of the trailing hour, must be significant against the binomial expectation under the
/// baseline share (an EWMA of negatives over an EWMA of totals) and the share must be the highest of the record horizon.
/// Fewer than <see cref="DetectorSettings.MinimumVolume"/> mentions are not judged, and the share must also have risen
/// by <see cref="MinimumShareIncrease"/> so large brands do not alert on significant but trivial shifts. O(1), fixed memory.
/// </summary>
public sealed class ShareShiftDetector
{
    /// <summary>Smallest absolute rise of the share (0.10 = ten percentage points) that can alert.</summary>
    public const double MinimumShareIncrease = 0.10;

    // Keeps the binomial variance away from zero when the baseline share is near 0 or 1.
    private const double ShareFloor = 0.02;

    private readonly DetectorSettings _settings;
    private IncidentTracker _incidents; // a mutable struct: not readonly, or every call would change a copy
    // Mutable structs (not readonly, or every call would change a copy).
    private TrailingMean _hourNegatives;
    private TrailingMean _hourTotals;
    private RecentPeak _bucketPeak;
    private RecentPeak _hourPeak;
    private readonly double _rate;
    private double _negatives;
    private double _totals;

    public ShareShiftDetector(DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _incidents = new IncidentTracker(settings);
        _rate = 1.0 - Math.Pow(0.5, 1.0 / settings.LevelHalfLifeBuckets);
        _hourNegatives = new TrailingMean(settings.LevelSpanBuckets);
        _hourTotals = new TrailingMean(settings.LevelSpanBuckets);
        _bucketPeak = RecentPeak.ForRecords(settings);
        _hourPeak = RecentPeak.ForRecords(settings);
    }

    /// <summary>Observes one bucket's negative and total mention counts; buckets in time order.</summary>
    public DetectorResult Observe(DateTimeOffset bucketStart, int negativeCount, int totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(negativeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalCount, negativeCount);
        _ = bucketStart; // Part of the signature so all detectors are fed alike; the share has no seasonal profile yet.

        var s = _settings;
        var threshold = s.SignificanceThreshold;
        var hasBaseline = _totals > 0;
        var baseline = hasBaseline ? _negatives / _totals : 0.0;
        _hourNegatives.Add(negativeCount);
        _hourTotals.Add(totalCount);
        var hourNegatives = _hourNegatives.Total;
        var hourTotal = _hourTotals.Total;

        var share = totalCount > 0 ? (double)negativeCount / totalCount : 0.0;
        var hourShare = hourTotal > 0 ? hourNegatives / hourTotal : 0.0;
        var deviation = hasBaseline ? Binomial(negativeCount, totalCount, baseline) : 0.0;
        var hourDeviation = hasBaseline ? Binomial(hourNegatives, hourTotal, baseline) : 0.0;

        var bucketShift = hasBaseline && totalCount >= s.MinimumVolume && deviation >= threshold
            && share >= baseline + MinimumShareIncrease && share > _bucketPeak.Peak;
        var hourShift = hasBaseline && hourTotal >= s.MinimumVolume && hourDeviation >= threshold
            && hourShare >= baseline + MinimumShareIncrease && hourShare > _hourPeak.Peak;
        if (totalCount > 0)
        {
            // Buckets without mentions have no share; they must not make a later share look like a record.
            _bucketPeak.Add(share);
        }

        if (hourTotal > 0)
        {
            _hourPeak.Add(hourShare);
        }

        var anomalous = bucketShift || hourShift;
        var severity = anomalous ? Detection.Severity.OfRatio(bucketShift ? share : hourShare, baseline, ShareFloor) : 0;
        var step = _incidents.Observe(anomalous, severity);
        Learn(negativeCount, totalCount, baseline);

        var magnitude = Math.Max(deviation, hourDeviation) / threshold;
        var score = Math.Max(0.0, magnitude) / (1.0 + Math.Max(0.0, magnitude));
        return anomalous
            ? new DetectorResult(score, step != IncidentStep.None, AnomalyKind.NegativeShift, severity, baseline, bucketShift ? deviation : hourDeviation)
            {
                Escalates = step == IncidentStep.Escalates,
            }
            : DetectorResult.Quiet(baseline, deviation, Math.Min(score, 0.4999));
    }

    /// <summary>Writes the detector's state (see <see cref="DetectorState"/>).</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DetectorState.Header(writer, (byte)AnomalyKind.NegativeShift);
        _incidents.Write(writer);
        _hourNegatives.Write(writer);
        _hourTotals.Write(writer);
        _bucketPeak.Write(writer);
        _hourPeak.Write(writer);
        writer.Write(_negatives);
        writer.Write(_totals);
    }

    /// <summary>Reads a state written by <see cref="WriteState"/> (see <see cref="VolumeAnomalyDetector.ReadState"/>).</summary>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        DetectorState.ExpectHeader(reader, (byte)AnomalyKind.NegativeShift);
        _incidents.Read(reader);
        _hourNegatives.Read(reader);
        _hourTotals.Read(reader);
        _bucketPeak.Read(reader);
        _hourPeak.Read(reader);
        _negatives = reader.ReadDouble();
        _totals = reader.ReadDouble();
    }

    private static double Binomial(double negatives, double totals, double baseline)
    {
        if (totals <= 0)
        {
            return 0.0;
        }

        var p = Math.Clamp(baseline, ShareFloor, 1.0 - ShareFloor);
        return (negatives - (totals * baseline)) / Math.Sqrt(totals * p * (1.0 - p));
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
