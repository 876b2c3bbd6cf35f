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
    private readonly AnomalyKind _spikeKind;
    private readonly bool _detectDrops;
    private readonly double _ratioOffset;
    private readonly double _recentRate;

    // Mutable structs (not readonly, or every call would change a copy): object headers add up at 100 000 grains.
    private IncidentTracker _rises;
    private IncidentTracker _falls;
    private RecentPeak _bucketPeak;
    private TimeScale _hour;
    private TimeScale _day;
    private double _recent = double.NaN;
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
        _spikeKind = spikeKind;
        _detectDrops = detectDrops;
        _bucketPeak = RecentPeak.ForRecords(settings);

        // Falls are judged on the hour only: a quiet day is not news, a channel silent for an hour may be.
        _hour = new TimeScale(settings, settings.LevelSpanBuckets, judgeFalls: detectDrops);
        _day = new TimeScale(settings, settings.DaySpanBuckets, judgeFalls: false);

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

        var cap = 2.0 * threshold;
        _hour.Observe(deviation, value, cap);
        _day.Observe(deviation, value, cap);
        _recent = double.IsNaN(_recent) ? value : _recent + (_recentRate * (value - _recent));
        _fallingBuckets = deviation < 0 ? _fallingBuckets + 1 : 0;

        var bucketSpike = deviation >= threshold && value > _bucketPeak.Peak && (!counts || value >= s.MinimumVolume);
        var hourSpike = _hour.Rises(threshold) && (!counts || _hour.Total >= s.MinimumVolume);
        var daySpike = _day.Rises(threshold) && (!counts || _day.Total >= s.MinimumVolume);
        var rise = bucketSpike || hourSpike || daySpike;
        var drop = _detectDrops && !rise && _hour.Falls(threshold)
            && _fallingBuckets >= s.DropMinimumBuckets && (!counts || expected >= s.MinimumVolume);

        _bucketPeak.Add(value);
        _hour.Remember();
        _day.Remember();
        _baseline.Learn(z, e);

        var anomalous = rise || drop;
        var scaleDeviation = bucketSpike ? deviation : hourSpike || drop ? _hour.Deviation : _day.Deviation;
        var severity = 0;
        if (anomalous)
        {
            // A sharp spike is its bucket; a rise or fall on a longer scale is judged by the last minute's rate, not by the
            // span's mean, which still holds the calm before it.
            severity = counts
                ? Detection.Severity.OfRatio(bucketSpike ? value : _recent, expected, _ratioOffset)
                : Detection.Severity.OfDeviation(scaleDeviation, threshold);
        }

        var riseStep = _rises.Observe(rise, severity);
        var fallStep = _falls.Observe(drop, severity);
        var step = drop ? fallStep : riseStep;
        var magnitude = Math.Max(Math.Abs(deviation), Math.Max(Math.Abs(_hour.Deviation), Math.Abs(_day.Deviation))) / threshold;
        var score = magnitude / (1.0 + magnitude);
        if (!anomalous)
        {
            return DetectorResult.Quiet(expected, deviation, Math.Min(score, 0.4999));
        }

        var kind = drop ? AnomalyKind.Drop : _spikeKind;
        return new DetectorResult(score, step != IncidentStep.None, kind, severity, expected, scaleDeviation)
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
        _bucketPeak.Write(writer);
        _hour.Write(writer);
        _day.Write(writer);
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
        _bucketPeak.Read(reader);
        _hour.Read(reader);
        _day.Read(reader);
        _fallingBuckets = reader.ReadInt32();
        _recent = reader.ReadDouble();
    }
}
