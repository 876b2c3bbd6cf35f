namespace Pulse.Analytics.Windows;

/// <summary>
/// A ring buffer of <see cref="Bucket"/>s at one resolution, keyed by EVENT time: slot = floor(UTC ticks / resolution ticks).
/// Late and out-of-order mentions land in the bucket of their own timestamp as long as it is still inside the ring.
/// </summary>
/// <remarks>
/// Not thread-safe: it lives inside one grain, which runs one turn at a time.
/// The head only moves forward, driven by event timestamps; a mention stamped far in the future (clock skew)
/// moves the head and evicts the present, so callers should clamp timestamps to a sane "now" before adding.
/// </remarks>
public sealed class RollingWindow
{
    private readonly Bucket[] _buckets;
    private readonly long _resolutionTicks;

    // Newest slot written. Slots are never negative (UTC ticks are not), so -1 means "nothing yet"
    // and makes the valid range (head - capacity, head] empty without a separate flag.
    private long _head = -1;

    public RollingWindow(TimeSpan resolution, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _resolutionTicks = resolution.Ticks;
        _buckets = new Bucket[capacity];
        Resolution = resolution;
        Horizon = TimeSpan.FromTicks(checked(resolution.Ticks * capacity));
    }

    public TimeSpan Resolution { get; }

    public int Capacity => _buckets.Length;

    /// <summary>How far back the ring reaches: <see cref="Resolution"/> x <see cref="Capacity"/>.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>The slot a point in time falls into; offsets do not matter, only the instant.</summary>
    public long SlotOf(DateTimeOffset time) => time.UtcTicks / _resolutionTicks;

    /// <summary>Start (inclusive, UTC) of a slot, to timestamp series points.</summary>
    public DateTimeOffset SlotStart(long slot) => new(slot * _resolutionTicks, TimeSpan.Zero);

    /// <summary>Start of the first (oldest) bucket that <see cref="CopySeries"/> writes for the same <paramref name="now"/>
    /// into a destination of <paramref name="length"/> buckets.</summary>
    public DateTimeOffset SeriesStart(DateTimeOffset now, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return SlotStart(SlotOf(now) - Math.Min(length, Capacity) + 1);
    }

    /// <summary>
    /// Adds a mention to the bucket of its timestamp. Returns false, and drops it, when that bucket has already
    /// left the ring (older than head - capacity + 1).
    /// </summary>
    public bool Add(in MentionObservation m)
    {
        long slot = SlotOf(m.Timestamp);
        if (slot > _head)
        {
            // The slots between the old head and the new one held data from one lap ago: clear them.
            // Never more than one lap, since that already clears the whole ring.
            long cleared = Math.Min(slot - _head, Capacity);
            for (long s = slot - cleared + 1; s <= slot; s++)
            {
                _buckets[IndexOf(s)] = default;
            }

            _head = slot;
        }
        else if (slot <= _head - Capacity)
        {
            return false;
        }

        _buckets[IndexOf(slot)].Add(in m);
        return true;
    }

    /// <summary>
    /// Sum of the buckets whose slot lies in (nowSlot - ceil(span / resolution), nowSlot]: the current, partial
    /// bucket plus the full ones before it. Buckets that have gone stale because no event advanced the head
    /// since are not counted; neither are buckets after <paramref name="now"/>.
    /// </summary>
    public Bucket Sum(DateTimeOffset now, TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        long nowSlot = SlotOf(now);
        long slots = span.Ticks / _resolutionTicks + (span.Ticks % _resolutionTicks == 0 ? 0 : 1);
        long first = Math.Max(Math.Max(nowSlot - slots, _head - Capacity) + 1, 0);
        long last = Math.Min(nowSlot, _head);

        var total = default(Bucket);
        for (long s = first; s <= last; s++)
        {
            total.Add(in _buckets[IndexOf(s)]);
        }

        return total;
    }

    /// <summary>
    /// Writes the last min(destination.Length, Capacity) buckets ending at <paramref name="now"/>'s slot, oldest first,
    /// with empty (default) buckets where nothing happened or the data has left the ring. Returns the count written;
    /// the rest of <paramref name="destination"/> is left untouched. See <see cref="SeriesStart"/> for the first bucket's time.
    /// </summary>
    public int CopySeries(DateTimeOffset now, Span<Bucket> destination)
    {
        int count = Math.Min(destination.Length, Capacity);
        long first = SlotOf(now) - count + 1;
        for (int i = 0; i < count; i++)
        {
            long s = first + i;
            destination[i] = s >= 0 && s <= _head && s > _head - Capacity ? _buckets[IndexOf(s)] : default;
        }

        return count;
    }

    /// <summary>The window as plain data, newest bucket first; <see cref="Restore"/> turns it back into an equal window.</summary>
    /// <remarks>Every bucket still in the ring is saved, stale or not, so the restored window answers exactly as this one
    /// would at any later time. O(capacity), for checkpoints only.</remarks>
    public RollingWindowState Export()
    {
        // Slots in the ring: (head - capacity, head], and never negative. For an empty window (head -1) none.
        int inRing = (int)Math.Min(_head + 1, Capacity);
        int saved = 0;
        for (int age = 0; age < inRing; age++)
        {
            if (_buckets[IndexOf(_head - age)].Count != 0)
            {
                saved++;
            }
        }

        var ages = new int[saved];
        var buckets = new Bucket[saved];
        int next = 0;
        for (int age = 0; age < inRing; age++)
        {
            ref readonly var bucket = ref _buckets[IndexOf(_head - age)];
            if (bucket.Count != 0)
            {
                ages[next] = age;
                buckets[next] = bucket;
                next++;
            }
        }

        return new RollingWindowState(Resolution, Capacity, _head, ages, buckets);
    }

    /// <summary>A window equal to the one that exported <paramref name="state"/>: the same sums and series, and the same
    /// behaviour as later mentions arrive.</summary>
    /// <exception cref="ArgumentException">The state is inconsistent (ages outside the ring, a bucket saved twice, arrays of
    /// different lengths), as from a corrupted checkpoint.</exception>
    public static RollingWindow Restore(RollingWindowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Ages, nameof(state));
        ArgumentNullException.ThrowIfNull(state.Buckets, nameof(state));
        if (state.Ages.Length != state.Buckets.Length)
        {
            throw new ArgumentException($"A window state needs one age per bucket, but has {state.Ages.Length} ages and {state.Buckets.Length} buckets.", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(state.Head, -1, nameof(state));
        var window = new RollingWindow(state.Resolution, state.Capacity) { _head = state.Head };
        for (int i = 0; i < state.Ages.Length; i++)
        {
            int age = state.Ages[i];
            if (age < 0 || age >= window.Capacity || state.Head - age < 0)
            {
                throw new ArgumentException($"Bucket age {age} lies outside the ring (capacity {window.Capacity}, head slot {state.Head}).", nameof(state));
            }

            ref var bucket = ref window._buckets[window.IndexOf(state.Head - age)];
            if (bucket.Count != 0)
            {
                throw new ArgumentException($"Bucket age {age} is saved twice.", nameof(state));
            }

            bucket = state.Buckets[i];
        }

        return window;
    }

    private int IndexOf(long slot) => (int)(slot % _buckets.Length);
}
