namespace Pulse.Analytics.Detection;

/// <summary>
/// One time scale longer than a bucket (the hour, the day): its significance, an EWMA of the bucket deviations over the
/// span rescaled to unit variance for independent noise (√(α/(2−α)) is the standard deviation of such an EWMA), and its
/// level, the mean of the span's raw values, with the records that level is judged against (the busiest and, if falls are
/// judged, the quietest of the record horizon). A mutable struct, held in its detector's field and never copied.
/// </summary>
internal struct TimeScale
{
    private readonly double _rate;
    private readonly double _norm;
    private TrailingMean _level;
    private RecentPeak _peak;
    private RecentPeak _trough;
    private double _deviation;

    public TimeScale(DetectorSettings settings, int spanBuckets, bool judgeFalls)
    {
        _rate = 2.0 / (spanBuckets + 1.0);
        _norm = Math.Sqrt(_rate / (2.0 - _rate));
        _level = new TrailingMean(spanBuckets);
        _peak = RecentPeak.ForRecords(settings);
        _trough = judgeFalls ? RecentPeak.ForRecords(settings) : RecentPeak.Disabled;
    }

    /// <summary>This scale's deviation in standard deviations, as of the last <see cref="Observe"/>.</summary>
    public double Deviation { get; private set; }

    /// <summary>The mean of the span's raw values, as of the last <see cref="Observe"/>.</summary>
    public double Level { get; private set; }

    /// <summary>Sum of the span's raw values.</summary>
    public readonly double Total => _level.Total;

    /// <summary>Takes one bucket: its deviation (capped at <paramref name="cap"/>, so one outlier cannot pass for a whole
    /// span of evidence) and its raw value.</summary>
    public void Observe(double bucketDeviation, double value, double cap)
    {
        _deviation += _rate * (Math.Clamp(bucketDeviation, -cap, cap) - _deviation);
        Deviation = _deviation / _norm;
        Level = _level.Add(value);
    }

    /// <summary>Significant and the busiest level of the record horizon.</summary>
    public readonly bool Rises(double threshold) => Deviation >= threshold && Level > _peak.Peak;

    /// <summary>Significant and the quietest level of the record horizon.</summary>
    public readonly bool Falls(double threshold) => Deviation <= -threshold && Level < -_trough.Peak;

    /// <summary>Adds the current level to the records, after it has been judged against them.</summary>
    public void Remember()
    {
        _peak.Add(Level);
        _trough.Add(-Level);
    }

    public readonly void Write(BinaryWriter writer)
    {
        _level.Write(writer);
        _peak.Write(writer);
        _trough.Write(writer);
        writer.Write(_deviation);
        writer.Write(Deviation);
        writer.Write(Level);
    }

    public void Read(BinaryReader reader)
    {
        _level.Read(reader);
        _peak.Read(reader);
        _trough.Read(reader);
        _deviation = reader.ReadDouble();
        Deviation = reader.ReadDouble();
        Level = reader.ReadDouble();
    }
}
