using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>
/// RollingWindow as it was before sparse rings (always a dense array of buckets), kept verbatim otherwise: the current
/// one must answer exactly as this one does.
/// </summary>
internal sealed class ReferenceRollingWindow
{
    private readonly int _capacity;
    private readonly long _resolutionTicks;

    // Covers slots (head - length, head]; every non-empty bucket of the ring lies there.
    private Bucket[] _buckets = [];

    // Newest slot written. Slots are never negative (UTC ticks are not), so -1 means "nothing yet"
    // and makes the valid range (head - capacity, head] empty without a separate flag.
    private long _head = -1;

    public ReferenceRollingWindow(TimeSpan resolution, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _resolutionTicks = resolution.Ticks;
        _capacity = capacity;
        Resolution = resolution;
        Horizon = TimeSpan.FromTicks(checked(resolution.Ticks * capacity));
    }

    public TimeSpan Resolution { get; }

    public int Capacity => _capacity;

    /// <summary>How many buckets the ring holds in memory right now (at most <see cref="Capacity"/>).</summary>
    public int Allocated => _buckets.Length;

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
            Advance(slot);
        }
        else if (slot <= _head - Capacity)
        {
            return false;
        }
        else if (slot <= _head - _buckets.Length)
        {
            Resize(_head - slot + 1, _head);
        }

        _buckets[IndexOf(slot)].Add(in m);
        return true;
    }

    /// <summary>
    /// Frees what no query from <paramref name="now"/> on can see: buckets older than the horizon. A ring whose
    /// buckets have all aged out holds no array at all; one whose remaining buckets fit in a quarter of it shrinks.
    /// </summary>
    public void Trim(DateTimeOffset now)
    {
        if (_buckets.Length == 0)
        {
            return;
        }

        long oldest = OldestNonEmpty(SlotOf(now) - Capacity + 1);
        if (oldest < 0)
        {
            _buckets = [];
        }
        else if (_head - oldest + 1 <= _buckets.Length / 4)
        {
            Resize(_head - oldest + 1, _head, exact: true);
        }
    }

    // Moves the head to a later slot, keeping the buckets that stay in the ring, growing the array if they need it.
    private void Advance(long slot)
    {
        if (_buckets.Length < Capacity)
        {
            long oldest = OldestNonEmpty(slot - Capacity + 1);
            if (oldest >= 0 && slot - oldest + 1 > _buckets.Length)
            {
                Resize(slot - oldest + 1, slot);
                _head = slot;
                return;
            }
        }

        // The slots between the old head and the new one held data from one lap ago: clear them.
        // Never more than one lap, since that already clears the whole array.
        long cleared = Math.Min(slot - _head, _buckets.Length);
        for (long s = slot - cleared + 1; s <= slot; s++)
        {
            _buckets[IndexOf(s)] = default;
        }

        if (_buckets.Length == 0)
        {
            _buckets = new Bucket[1];
        }

        _head = slot;
    }

    // The oldest slot at or after <paramref name="from"/> (and in the array) whose bucket is not empty; -1 for none.
    private long OldestNonEmpty(long from)
    {
        for (long s = Math.Max(Math.Max(from, _head - _buckets.Length + 1), 0); s <= _head; s++)
        {
            if (_buckets[IndexOf(s)].Count != 0)
            {
                return s;
            }
        }

        return -1;
    }

    // A new array of at least <paramref name="needed"/> buckets (doubling unless exact, never past the capacity) covering
    // slots up to <paramref name="head"/>; the non-empty buckets that still fall into it are carried over.
    private void Resize(long needed, long head, bool exact = false)
    {
        int length = (int)Math.Min(Capacity, exact ? needed : Math.Max(needed, 2L * _buckets.Length));
        var old = _buckets;
        var resized = new Bucket[length];
        for (long s = Math.Max(_head - old.Length + 1, head - length + 1); s <= _head; s++)
        {
            if (s >= 0)
            {
                resized[(int)(s % length)] = old[(int)(s % old.Length)];
            }
        }

        _buckets = resized;
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
        // Never further back than the horizon from now, even for a longer span: what Trim frees is never counted.
        long first = Math.Max(Math.Max(nowSlot - Math.Min(slots, Capacity), _head - _buckets.Length) + 1, 0);
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
            destination[i] = s >= 0 && s <= _head && s > _head - _buckets.Length ? _buckets[IndexOf(s)] : default;
        }

        return count;
    }

    /// <summary>The window as plain data, newest bucket first; <see cref="Restore"/> turns it back into an equal window.</summary>
    /// <remarks>Every bucket still in the ring is saved, stale or not, so the restored window answers exactly as this one
    /// would at any later time. O(capacity), for checkpoints only.</remarks>
    public RollingWindowState Export()
    {
        // Slots in the ring: (head - capacity, head], and never negative. For an empty window (head -1) none.
        int inRing = (int)Math.Min(_head + 1, _buckets.Length);
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
    public static ReferenceRollingWindow Restore(RollingWindowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Ages, nameof(state));
        ArgumentNullException.ThrowIfNull(state.Buckets, nameof(state));
        if (state.Ages.Length != state.Buckets.Length)
        {
            throw new ArgumentException($"A window state needs one age per bucket, but has {state.Ages.Length} ages and {state.Buckets.Length} buckets.", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(state.Head, -1, nameof(state));
        var window = new ReferenceRollingWindow(state.Resolution, state.Capacity) { _head = state.Head };
        int span = state.Ages.Length == 0 ? 0 : Math.Clamp(state.Ages.Max() + 1, 1, window.Capacity);
        window._buckets = new Bucket[span];
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
