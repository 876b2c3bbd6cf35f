namespace Pulse.Analytics.Detection;

/// <summary>
/// The mean of the last <c>span</c> buckets (an hour, say), kept as 12 sub-slot sums so the memory is fixed at any
/// bucket size: exact when the span is at most 12 buckets, otherwise the window moves in twelfths of the span. A mutable
/// struct, held in its detector's field and never copied.
/// </summary>
internal struct TrailingMean
{
    private const int MaximumSlots = 12;

    // Floats: a slot sums at most a twelfth of the span (exact for counts below 2^24); half the memory of doubles.
    private readonly float[] _sums;
    private readonly int _bucketsPerSlot;
    private int _slot;
    private int _inSlot;
    private int _completeSlots;
    private double _total;

    public TrailingMean(int spanBuckets)
    {
        var slots = Math.Clamp(spanBuckets, 1, MaximumSlots);
        _bucketsPerSlot = Math.Max(1, (int)Math.Ceiling((double)spanBuckets / slots));
        _sums = new float[slots];
    }

    /// <summary>Sum of the buckets in the window.</summary>
    public readonly double Total => _total;

    /// <summary>Adds a bucket and returns the mean of the window that ends with it.</summary>
    public double Add(double value)
    {
        if (_inSlot == _bucketsPerSlot)
        {
            // The oldest slot leaves the window; recomputing the total here keeps rounding from accumulating.
            _slot = (_slot + 1) % _sums.Length;
            _sums[_slot] = 0;
            _inSlot = 0;
            _completeSlots = Math.Min(_completeSlots + 1, _sums.Length - 1);
            _total = 0;
            foreach (var sum in _sums)
            {
                _total += sum;
            }
        }

        _sums[_slot] += (float)value;
        _inSlot++;
        _total += value;
        return _total / ((_completeSlots * _bucketsPerSlot) + _inSlot);
    }

    public readonly void Write(BinaryWriter writer)
    {
        DetectorState.WriteFloats(writer, _sums);
        writer.Write(_slot);
        writer.Write(_inSlot);
        writer.Write(_completeSlots);
        writer.Write(_total);
    }

    public void Read(BinaryReader reader)
    {
        DetectorState.ReadFloats(reader, _sums);
        _slot = reader.ReadInt32();
        _inSlot = reader.ReadInt32();
        _completeSlots = reader.ReadInt32();
        _total = reader.ReadDouble();
        DetectorState.Expect(_slot >= 0 && _slot < _sums.Length && _inSlot >= 0 && _inSlot <= _bucketsPerSlot, "trailing window");
    }
}
