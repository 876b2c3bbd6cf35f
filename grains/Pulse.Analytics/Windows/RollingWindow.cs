namespace Pulse.Analytics.Windows;

/// <summary>
/// A ring buffer of <see cref="Bucket"/>s at one resolution, keyed by EVENT time: slot = floor(UTC ticks / resolution ticks).
/// Late and out-of-order mentions land in the bucket of their own timestamp as long as it is still inside the ring.
/// </summary>
/// <remarks>
/// <para>Memory follows use. A ring with at most <see cref="SparseLimit"/> non-empty buckets keeps just those, with their
/// slots (sparse: three mentions spread over 30 seconds hold three buckets, not 30). Beyond that the ring's array spans
/// the slots from its oldest non-empty bucket to the head (dense), growing (doubling, up to <see cref="Capacity"/>) as
/// mentions spread out, and <see cref="Trim"/> shrinks it, turns it sparse again or drops it once its buckets have aged
/// out. A quiet channel holds none; a busy one the full ring. Slots of the ring outside the array are empty by
/// construction.</para>
/// Not thread-safe: it lives inside one grain, which runs one turn at a time.
/// The head only moves forward, driven by event timestamps; a mention stamped far in the future (clock skew)
/// moves the head and evicts the present, so callers should clamp timestamps to a sane "now" before adding.
/// </remarks>
public sealed class RollingWindow
{
    /// <summary>Most non-empty buckets a sparse ring keeps; one more makes it dense.</summary>
    internal const int SparseLimit = 8;

    private readonly int _capacity;
    private readonly long _resolutionTicks;

    // Dense (_slots null): covers slots (head - length, head]; every non-empty bucket of the ring lies there.
    // Sparse: the non-empty buckets in (head - capacity, head], oldest first, with their slots in _slots.
    private Bucket[] _buckets = [];
    private long[]? _slots = [];

    // Newest slot written. Slots are never negative (UTC ticks are not), so -1 means "nothing yet"
    // and makes the valid range (head - capacity, head] empty without a separate flag.
    private long _head = -1;

    public RollingWindow(TimeSpan resolution, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _resolutionTicks = resolution.Ticks;
        _capacity = capacity;
        _ = checked(resolution.Ticks * capacity); // the horizon must be representable
    }

    public TimeSpan Resolution => TimeSpan.FromTicks(_resolutionTicks);

    public int Capacity => _capacity;

    /// <summary>How many buckets the ring holds in memory right now (at most <see cref="Capacity"/>).</summary>
    public int Allocated => _buckets.Length;

    /// <summary>How far back the ring reaches: <see cref="Resolution"/> x <see cref="Capacity"/>.</summary>
    public TimeSpan Horizon => TimeSpan.FromTicks(_resolutionTicks * _capacity);

    private bool IsSparse => _slots is not null;

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
        if (!TryLocate(SlotOf(m.Timestamp), out var index))
        {
            return false;
        }

        _buckets[index].Add(in m);
        return true;
    }

    /// <summary>
    /// Adds engagement without a mention (see <see cref="Bucket.AddEngagement"/>) to the bucket of
    /// <paramref name="timestamp"/>. Returns false, and drops it, when that bucket has left the ring or there is nothing
    /// to add (an empty bucket is never made).
    /// </summary>
    public bool AddEngagement(DateTimeOffset timestamp, long likes, long shares, long comments)
    {
        if ((likes | shares | comments) == 0 || !TryLocate(SlotOf(timestamp), out var index))
        {
            return false;
        }

        _buckets[index].AddEngagement(likes, shares, comments);
        return true;
    }

    // Makes room for `slot` (moving the head, growing the array, or inserting a sparse bucket) and gives its index in
    // _buckets; false when the slot has already left the ring. The caller fills the bucket, so none stays empty.
    private bool TryLocate(long slot, out int index)
    {
        if (IsSparse)
        {
            return TryLocateSparse(slot, out index);
        }

        if (slot > _head)
        {
            Advance(slot);
        }
        else if (slot <= _head - Capacity)
        {
            index = -1;
            return false;
        }
        else if (slot <= _head - _buckets.Length)
        {
            Resize(_head - slot + 1, _head);
        }

        index = IndexOf(slot);
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

        long from = SlotOf(now) - Capacity + 1;
        if (IsSparse)
        {
            DropSparseBefore(from);
            return;
        }

        long oldest = OldestNonEmpty(from);
        if (oldest < 0)
        {
            _buckets = [];
            _slots = [];
        }
        else if (NonEmptyFrom(oldest) <= SparseLimit / 2)
        {
            ToSparse(oldest);
        }
        else if (_head - oldest + 1 <= _buckets.Length / 4)
        {
            Resize(_head - oldest + 1, _head, exact: true);
        }
    }

    private bool TryLocateSparse(long slot, out int index)
    {
        if (slot > _head)
        {
            _head = slot;
            DropSparseBefore(slot - Capacity + 1);
        }
        else if (slot <= _head - Capacity)
        {
            index = -1;
            return false;
        }

        var slots = _slots!;
        int at = 0;
        while (at < slots.Length && slots[at] < slot)
        {
            at++;
        }

        if (at < slots.Length && slots[at] == slot)
        {
            index = at;
            return true;
        }

        if (slots.Length == SparseLimit)
        {
            ToDense(slot);
            index = IndexOf(slot);
            return true;
        }

        // Exact sizes: a sparse ring holds a few buckets, and a ninth turns it dense.
        var grownSlots = new long[slots.Length + 1];
        var grownBuckets = new Bucket[slots.Length + 1];
        slots.AsSpan(0, at).CopyTo(grownSlots);
        slots.AsSpan(at).CopyTo(grownSlots.AsSpan(at + 1));
        _buckets.AsSpan(0, at).CopyTo(grownBuckets);
        _buckets.AsSpan(at).CopyTo(grownBuckets.AsSpan(at + 1));
        grownSlots[at] = slot;
        _slots = grownSlots;
        _buckets = grownBuckets;
        index = at;
        return true;
    }

    // Sparse: forgets the buckets before slot `from` (they have left the ring or aged out of the horizon).
    private void DropSparseBefore(long from)
    {
        var slots = _slots!;
        int drop = 0;
        while (drop < slots.Length && slots[drop] < from)
        {
            drop++;
        }

        if (drop > 0)
        {
            _slots = slots[drop..];
            _buckets = _buckets[drop..];
        }
    }

    // Sparse to dense, for a ninth bucket at `slot` (head already moved there if later): an array spanning the kept
    // buckets and that slot, doubled as the dense ring grows.
    private void ToDense(long slot)
    {
        var slots = _slots!;
        long oldest = Math.Min(slots[0], slot);
        int length = (int)Math.Min(Capacity, Math.Max(_head - oldest + 1, 2L * SparseLimit));
        var dense = new Bucket[length];
        for (int i = 0; i < slots.Length; i++)
        {
            dense[(int)(slots[i] % length)] = _buckets[i];
        }

        _buckets = dense;
        _slots = null;
    }

    // Dense to sparse: the non-empty buckets from slot `oldest` to the head.
    private void ToSparse(long oldest)
    {
        int count = NonEmptyFrom(oldest);
        var slots = new long[count];
        var buckets = new Bucket[count];
        int next = 0;
        for (long s = oldest; s <= _head; s++)
        {
            ref readonly var bucket = ref _buckets[IndexOf(s)];
            if (!bucket.IsEmpty)
            {
                slots[next] = s;
                buckets[next] = bucket;
                next++;
            }
        }

        _slots = slots;
        _buckets = buckets;
    }

    // Dense: how many non-empty buckets lie from slot `oldest` (in the array) to the head.
    private int NonEmptyFrom(long oldest)
    {
        int count = 0;
        for (long s = oldest; s <= _head; s++)
        {
            if (!_buckets[IndexOf(s)].IsEmpty)
            {
                count++;
            }
        }

        return count;
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
            if (!_buckets[IndexOf(s)].IsEmpty)
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
        if (_slots is { } sparse)
        {
            first = Math.Max(nowSlot - Math.Min(slots, Capacity) + 1, 0);
            for (int i = 0; i < sparse.Length; i++)
            {
                if (sparse[i] >= first && sparse[i] <= last)
                {
                    total.Add(in _buckets[i]);
                }
            }

            return total;
        }

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
        if (_slots is { } sparse)
        {
            destination[..count].Clear();
            for (int i = 0; i < sparse.Length; i++)
            {
                if (sparse[i] >= first && sparse[i] < first + count)
                {
                    destination[(int)(sparse[i] - first)] = _buckets[i];
                }
            }

            return count;
        }

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
        if (_slots is { } sparse)
        {
            // Newest first, as the dense ring saves them.
            var sparseAges = new int[sparse.Length];
            var sparseBuckets = new Bucket[sparse.Length];
            for (int i = 0; i < sparse.Length; i++)
            {
                sparseAges[i] = (int)(_head - sparse[^(i + 1)]);
                sparseBuckets[i] = _buckets[^(i + 1)];
            }

            return new RollingWindowState(Resolution, Capacity, _head, sparseAges, sparseBuckets);
        }

        // Slots in the ring: (head - capacity, head], and never negative. For an empty window (head -1) none.
        int inRing = (int)Math.Min(_head + 1, _buckets.Length);
        int saved = 0;
        for (int age = 0; age < inRing; age++)
        {
            if (!_buckets[IndexOf(_head - age)].IsEmpty)
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
            if (!bucket.IsEmpty)
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
        int span = state.Ages.Length == 0 ? 0 : Math.Clamp(state.Ages.Max() + 1, 1, window.Capacity);
        window._buckets = new Bucket[span];
        window._slots = null;
        for (int i = 0; i < state.Ages.Length; i++)
        {
            int age = state.Ages[i];
            if (age < 0 || age >= window.Capacity || state.Head - age < 0)
            {
                throw new ArgumentException($"Bucket age {age} lies outside the ring (capacity {window.Capacity}, head slot {state.Head}).", nameof(state));
            }

            ref var bucket = ref window._buckets[window.IndexOf(state.Head - age)];
            if (!bucket.IsEmpty)
            {
                throw new ArgumentException($"Bucket age {age} is saved twice.", nameof(state));
            }

            bucket = state.Buckets[i];
        }

        // A few buckets (a quiet channel's usual checkpoint) are kept sparse, as the saving ring most likely held them.
        int nonEmpty = window._head >= 0 && span > 0 ? window.NonEmptyFrom(window._head - span + 1) : 0;
        if (nonEmpty == 0)
        {
            window._buckets = [];
            window._slots = [];
        }
        else if (nonEmpty <= SparseLimit)
        {
            window.ToSparse(window._head - span + 1);
        }

        return window;
    }

    private int IndexOf(long slot) => (int)(slot % _buckets.Length);
}
