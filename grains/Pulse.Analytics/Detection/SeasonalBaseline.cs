namespace Pulse.Analytics.Detection;

/// <summary>
/// Robust streaming baseline: an EWMA level plus a time-of-period profile (e.g. hours of the day, linearly
/// interpolated between slot centres so a peak inside an hour is followed smoothly),
/// and an EWMA of absolute residuals as the noise scale. Residuals are clipped before they update
/// anything, so a spike barely moves the baseline. Fixed memory (one slot array), O(1) per bucket.
/// </summary>
internal sealed class SeasonalBaseline
{
    // E|X - μ| = σ·√(2/π) for a normal variable; this converts the mean absolute residual back to σ.
    private const double MeanAbsoluteToSigma = 1.2533141373155;

    // Floats: the profile is a few stabilised units either way of the level; half the memory of doubles, one per grain.
    private readonly float[] _profile;
    private readonly long _periodTicks;
    private readonly int _seasonalAfter;
    private readonly double _levelRate;
    private readonly double _scaleRate;
    private readonly double _profileRate;
    private readonly double _clip;
    private readonly bool _poissonFloor;
    private readonly double _dispersion;
    private readonly long _learnFreelyFor;
    private double _profileSum;
    private double _level;
    private double _meanAbsolute;
    private long _observed;
    private int _lower;
    private int _upper;
    private double _upperWeight;

    public SeasonalBaseline(DetectorSettings settings)
    {
        _profile = new float[settings.SeasonalityPeriodBuckets > 0 ? settings.SeasonalSlots : 1];
        _periodTicks = settings.SeasonalityPeriodBuckets * settings.BucketSize.Ticks;
        _seasonalAfter = settings.SeasonalityPeriodBuckets;
        _levelRate = RateForHalfLife(settings.LevelHalfLifeBuckets);
        _scaleRate = RateForHalfLife(settings.ScaleHalfLifeBuckets);

        // A slot is updated only by the buckets that fall into it: period/slots buckets per period.
        var bucketsPerSlotPerPeriod = Math.Max(1.0, (double)settings.SeasonalityPeriodBuckets / _profile.Length);
        _profileRate = RateForHalfLife(settings.SeasonalHalfLifePeriods * bucketsPerSlotPerPeriod);
        _clip = settings.BaselineClip;
        _poissonFloor = settings.Values == ValueModel.Counts;
        _dispersion = settings.Dispersion;
        _learnFreelyFor = settings.WarmUpBuckets;
    }

    /// <summary>Buckets seen so far.</summary>
    public long Observed => _observed;

    /// <summary>Baseline for the bucket starting at <paramref name="bucketStart"/> (remembered for <see cref="Learn"/>).</summary>
    public double Expect(DateTimeOffset bucketStart)
    {
        if (_periodTicks == 0)
        {
            return _level;
        }

        // Position in slot units measured from the first slot's centre; the profile wraps around the period.
        var slots = _profile.Length;
        var position = ((double)(bucketStart.UtcTicks % _periodTicks) * slots / _periodTicks) - 0.5;
        var floor = Math.Floor(position);
        _upperWeight = position - floor;
        _lower = ((int)floor + slots) % slots;
        _upper = (_lower + 1) % slots;

        // The profile is only trusted once a whole period has been seen; until then it only learns.
        if (_observed < _seasonalAfter)
        {
            return _level;
        }

        var seasonal = ((1.0 - _upperWeight) * _profile[_lower]) + (_upperWeight * _profile[_upper]);
        return _level + seasonal - (_profileSum / slots);
    }

    /// <summary>Noise scale (standard deviations of the stabilised value) at baseline <paramref name="expected"/>, never below the floor there.</summary>
    public double Scale(double expected) => Math.Max(_meanAbsolute * MeanAbsoluteToSigma, MinimumScale(expected));

    // Counts are never calmer than Poisson; a measurement's noise is all learned, and this only avoids dividing by zero.
    private double MinimumScale(double expected) =>
        _poissonFloor ? CountTransform.PoissonScale(expected, _dispersion) : 1e-9 * (1.0 + Math.Abs(expected));

    /// <summary>Folds in the value observed for the bucket last passed to <see cref="Expect"/>.</summary>
    public void Learn(double value, double expected)
    {
        if (_observed == 0)
        {
            _level = value;
            _observed = 1;
            return;
        }

        // Clipping needs a scale to clip by: during warm-up the scale is still forming (a measurement's starts at zero and
        // could never grow past its own clip), so residuals are taken whole until then.
        var bound = _observed < _learnFreelyFor ? double.PositiveInfinity : _clip * Scale(expected);
        var residual = Math.Clamp(value - expected, -bound, bound);
        _level += _levelRate * residual;
        var step = _profileRate * residual;
        _profile[_lower] += (float)((1.0 - _upperWeight) * step);
        _profile[_upper] += (float)(_upperWeight * step);
        _profileSum += step;
        _meanAbsolute += _scaleRate * (Math.Abs(residual) - _meanAbsolute);
        _observed++;
    }

    public void Write(BinaryWriter writer)
    {
        DetectorState.WriteFloats(writer, _profile);
        writer.Write(_profileSum);
        writer.Write(_level);
        writer.Write(_meanAbsolute);
        writer.Write(_observed);
    }

    public void Read(BinaryReader reader)
    {
        DetectorState.ReadFloats(reader, _profile);
        _profileSum = reader.ReadDouble();
        _level = reader.ReadDouble();
        _meanAbsolute = reader.ReadDouble();
        _observed = reader.ReadInt64();
    }

    private static double RateForHalfLife(double halfLife) => 1.0 - Math.Pow(0.5, 1.0 / halfLife);
}
