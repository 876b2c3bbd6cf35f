namespace Pulse.Analytics.Detection;

/// <summary>
/// The largest value seen over a trailing horizon (e.g. the last two weeks), kept as the maxima of fixed-length
/// slots (days) in a ring: whether a bucket is "the busiest in two weeks", the way a person reading a chart judges it.
/// The ring is allocated when the first slot with a maximum other than zero completes: a quiet channel (most of them)
/// only counts its all-zero slots. The maximum of the completed slots is recomputed only when a slot completes,
/// so <see cref="Add"/> is O(1) amortised and <see cref="Peak"/> is O(1). A mutable struct, held in its detector's field
/// and never copied (seven per grain: object headers add up at 100 000 grains).
/// </summary>
internal struct RecentPeak
{
    private readonly int _length;
    private readonly int _bucketsPerSlot;
    // Floats: half the memory of doubles. A record must beat a slot's maximum as a float; the rounding (1e-7 relative) is
    // far below any deviation that passes the significance test.
    private float[]? _slots;
    private int _zeroSlots;
    private int _next;
    private int _inSlot;
    private double _current = double.NegativeInfinity;
    private double _completed = double.NegativeInfinity;

    public RecentPeak(int slots, int bucketsPerSlot)
    {
        _length = Math.Max(1, slots);
        _bucketsPerSlot = Math.Max(1, bucketsPerSlot);
    }

    /// <summary>No record test (a horizon of zero): nothing is ever a peak to beat.</summary>
    public static RecentPeak Disabled => default;

    /// <summary>The records of <see cref="DetectorSettings.RecordHorizonBuckets"/> in slots of
    /// <see cref="DetectorSettings.RecordSlotBuckets"/>; <see cref="Disabled"/> for a horizon of zero.</summary>
    public static RecentPeak ForRecords(DetectorSettings settings) =>
        settings.RecordHorizonBuckets > 0
            ? new RecentPeak((int)Math.Ceiling((double)settings.RecordHorizonBuckets / settings.RecordSlotBuckets), settings.RecordSlotBuckets)
            : Disabled;

    private readonly bool Enabled => _length > 0;

    /// <summary>The largest value over the horizon; negative infinity before anything is seen.</summary>
    public readonly double Peak => Enabled ? Math.Max(_completed, _current) : double.NegativeInfinity;

    public void Add(double value)
    {
        if (!Enabled)
        {
            return;
        }

        _current = Math.Max(_current, value);
        if (++_inSlot < _bucketsPerSlot)
        {
            return;
        }

        if (_slots is null && _current == 0)
        {
            _zeroSlots = Math.Min(_zeroSlots + 1, _length);
            _completed = 0;
        }
        else
        {
            var slots = _slots ??= Allocate();
            slots[_next] = (float)_current;
            _completed = double.NegativeInfinity;
            foreach (var slot in slots)
            {
                _completed = Math.Max(_completed, slot);
            }
        }

        _next = (_next + 1) % _length;
        _inSlot = 0;
        _current = double.NegativeInfinity;
    }

    public readonly void Write(BinaryWriter writer)
    {
        writer.Write(_length);
        if (!Enabled)
        {
            return;
        }

        writer.Write(_slots is not null);
        if (_slots is not null)
        {
            foreach (var slot in _slots)
            {
                writer.Write(slot);
            }
        }

        writer.Write(_zeroSlots);
        writer.Write(_next);
        writer.Write(_inSlot);
        writer.Write(_current);
        writer.Write(_completed);
    }

    public void Read(BinaryReader reader)
    {
        DetectorState.Expect(reader.ReadInt32() == _length, "record horizon");
        if (!Enabled)
        {
            return;
        }

        if (reader.ReadBoolean())
        {
            _slots = new float[_length];
            for (var i = 0; i < _length; i++)
            {
                _slots[i] = reader.ReadSingle();
            }
        }
        else
        {
            _slots = null;
        }

        _zeroSlots = reader.ReadInt32();
        _next = reader.ReadInt32();
        _inSlot = reader.ReadInt32();
        _current = reader.ReadDouble();
        _completed = reader.ReadDouble();
        DetectorState.Expect(_next >= 0 && _next < _length && _inSlot >= 0 && _inSlot < _bucketsPerSlot, "record ring");
    }

    // The ring as it would have been all along: the zero slots completed so far written from the start, the rest unseen.
    private float[] Allocate()
    {
        var slots = new float[_length];
        Array.Fill(slots, float.NegativeInfinity, _zeroSlots, _length - _zeroSlots);
        return slots;
    }
}
