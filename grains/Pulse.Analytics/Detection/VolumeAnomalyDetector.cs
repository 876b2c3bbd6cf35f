namespace Pulse.Analytics.Detection;

/// <summary>
/// Streaming spike and drop detector for one series (mention counts, engagement sums, or any real-valued measurement).
/// A bucket is anomalous when it is both <b>significant</b> (beyond <see cref="DetectorSettings.SignificanceThreshold"/>
/// standard deviations of the learned noise around a robust seasonal baseline) and <b>novel</b> (the busiest bucket, or
/// busiest hour, of the record horizon; for a fall, the quietest hour). Two time scales are judged: the single bucket
/// (sharp spikes, alerted at once) and the trailing hour (rises that build up). O(1) time per bucket and fixed memory.
/// Not thread-safe: one instance per series, fed in time order. See Detection/README.md.
/// </summary>
public sealed class VolumeAnomalyDetector
{
    private readonly DetectorSettings _settings;
    private readonly SeasonalBaseline _baseline;
    private IncidentTracker _rises; // mutable structs: not readonly, or every call would change a copy
    private IncidentTracker _falls;
    // Mutable structs (not readonly, or every call would change a copy): object headers add up at 100 000 grains.
    private TrailingMean _level;
    private RecentPeak _bucketPeak;
    private RecentPeak _levelPeak;
    private RecentPeak _levelTrough;
    private readonly double _hourRate;
    private readonly double _hourNorm;
    private readonly double _ratioOffset;
    private readonly double _recentRate;
    private double _recent = double.NaN;
    private readonly AnomalyKind _spikeKind;
    private readonly bool _detectDrops;
    private double _hourDeviation;
    private int _fallingBuckets;

    public VolumeAnomalyDetector(DetectorSettings settings)
        : this(settings, AnomalyKind.Spike, detectDrops: true)
    {
    }

    internal VolumeAnomalyDetector(DetectorSettings settings, AnomalyKind spikeKind, bool detectDrops)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _baseline = new SeasonalBaseline(settings);
        // Rises and falls are separate stories: the evening's spike after a morning's outage is news of its own.
        _rises = new IncidentTracker(settings);
        _falls = new IncidentTracker(settings);
        _level = new TrailingMean(settings.LevelSpanBuckets);
        _spikeKind = spikeKind;
        _detectDrops = detectDrops;
        if (settings.RecordHorizonBuckets > 0)
        {
            var slots = (int)Math.Ceiling((double)settings.RecordHorizonBuckets / settings.RecordSlotBuckets);
            _bucketPeak = new RecentPeak(slots, settings.RecordSlotBuckets);
            _levelPeak = new RecentPeak(slots, settings.RecordSlotBuckets);
            _levelTrough = detectDrops ? new RecentPeak(slots, settings.RecordSlotBuckets) : RecentPeak.Disabled;
        }

        // The hour scale's deviation is an EWMA of the bucket deviations over the level span, rescaled to unit variance
        // for independent noise: sqrt(α / (2 − α)) is the standard deviation of such an EWMA.
        _hourRate = 2.0 / (settings.LevelSpanBuckets + 1.0);
        _hourNorm = Math.Sqrt(_hourRate / (2.0 - _hourRate));

        // Severity ratios add one mention per five minutes to both sides: below that rate any count is noise, at any bucket size.
        _ratioOffset = settings.BucketSize / TimeSpan.FromMinutes(5);
        _recentRate = 1.0 - Math.Pow(0.5, settings.BucketSize / TimeSpan.FromMinutes(1));
    }

    public DetectorSettings Settings => _settings;

    /// <summary>Observes one bucket; buckets must arrive in time order, one per bucket (send 0 for empty count buckets).</summary>
    public DetectorResult Observe(DateTimeOffset bucketStart, double value)
    {
        var s = _settings;
        var counts = s.Values == ValueModel.Counts;
        if (!double.IsFinite(value) || (counts && value < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, counts
                ? "A bucket count must be a finite, non-negative number."
                : "A measurement must be a finite number.");
        }

        var z = counts ? CountTransform.Stabilise(value, s.Dispersion) : value;
        var first = _baseline.Observed == 0;
        var e = _baseline.Expect(bucketStart);
        var sigma = _baseline.Scale(e);
        var expected = counts ? CountTransform.Invert(e, s.Dispersion) : e;
        var deviation = first ? 0.0 : (z - e) / sigma;
        var threshold = s.SignificanceThreshold;

        // One bucket's contribution to the hour scale is capped, so a single outlier cannot pass for an hour of evidence.
        _hourDeviation += _hourRate * (Math.Clamp(deviation, -2.0 * threshold, 2.0 * threshold) - _hourDeviation);
        var hour = _hourDeviation / _hourNorm;
        var level = _level.Add(value);
        _recent = double.IsNaN(_recent) ? value : _recent + (_recentRate * (value - _recent));
        _fallingBuckets = deviation < 0 ? _fallingBuckets + 1 : 0;

        var bucketSpike = deviation >= threshold && value > _bucketPeak.Peak && (!counts || value >= s.MinimumVolume);
        var hourSpike = hour >= threshold && level > _levelPeak.Peak && (!counts || _level.Total >= s.MinimumVolume);
        var drop = _detectDrops && !bucketSpike && !hourSpike
            && hour <= -threshold && level < -_levelTrough.Peak
            && _fallingBuckets >= s.DropMinimumBuckets && (!counts || expected >= s.MinimumVolume);

        _bucketPeak.Add(value);
        _levelPeak.Add(level);
        _levelTrough.Add(-level);
        _baseline.Learn(z, e);

        var anomalous = bucketSpike || hourSpike || drop;
        var severity = 0;
        if (anomalous)
        {
            // A sharp spike is its bucket; a rise or fall on the hour scale is judged by the last minute's rate, not by the
            // hour mean, which still holds the calm before it.
            var observed = bucketSpike ? value : _recent;
            severity = counts
                ? Detection.Severity.OfRatio(observed, expected, _ratioOffset)
                : Detection.Severity.OfDeviation(bucketSpike ? deviation : hour, threshold);
        }

        var step = _rises.Observe(anomalous && !drop, severity);
        var fallStep = _falls.Observe(drop, severity);
        step = drop ? fallStep : step;
        var magnitude = Math.Max(Math.Abs(deviation), Math.Abs(hour)) / threshold;
        var score = magnitude / (1.0 + magnitude);
        if (!anomalous)
        {
            return DetectorResult.Quiet(expected, deviation, Math.Min(score, 0.4999));
        }

        var kind = drop ? AnomalyKind.Drop : _spikeKind;
        return new DetectorResult(score, step != IncidentStep.None, kind, severity, expected, bucketSpike ? deviation : hour)
        {
            Escalates = step == IncidentStep.Escalates,
        };
    }

    /// <summary>Writes the detector's state (see <see cref="DetectorState"/>).</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DetectorState.Header(writer, (byte)_spikeKind);
        _baseline.Write(writer);
        _rises.Write(writer);
        _falls.Write(writer);
        _level.Write(writer);
        _bucketPeak.Write(writer);
        _levelPeak.Write(writer);
        _levelTrough.Write(writer);
        writer.Write(_hourDeviation);
        writer.Write(_fallingBuckets);
        writer.Write(_recent);
    }

    /// <summary>Reads a state written by <see cref="WriteState"/> under the same settings into this (fresh) detector;
    /// throws <see cref="InvalidDataException"/> (or <see cref="EndOfStreamException"/>) when it does not fit, after which
    /// this instance must be discarded.</summary>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        DetectorState.ExpectHeader(reader, (byte)_spikeKind);
        _baseline.Read(reader);
        _rises.Read(reader);
        _falls.Read(reader);
        _level.Read(reader);
        _bucketPeak.Read(reader);
        _levelPeak.Read(reader);
        _levelTrough.Read(reader);
        _hourDeviation = reader.ReadDouble();
        _fallingBuckets = reader.ReadInt32();
        _recent = reader.ReadDouble();
    }

}
