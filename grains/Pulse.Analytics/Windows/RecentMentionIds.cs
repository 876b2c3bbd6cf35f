using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Pulse.Analytics.Windows;

/// <summary>
/// Remembers which mention ids were seen recently, so a mention delivered twice (re-polls, retries, overlapping
/// feeds) is counted once.
/// </summary>
/// <remarks>
/// <para>Guarantee: an id is remembered for at least <c>horizon</c> after it was last seen and forgotten
/// before <c>2 x horizon</c>. Time is cut into generations of one horizon each (counted from construction on the
/// <see cref="TimeProvider"/>'s monotonic clock); the current and the previous generation are kept, older ones dropped.
/// An id seen in generation k therefore survives until generation k + 2 starts, which is more than one horizon
/// and at most two after it was seen.</para>
/// <para><see cref="Export"/> and <see cref="Restore"/> carry both generations and the position in the current one across
/// processes by the wall clock, so the guarantee holds across a checkpoint too (up to clock differences between the
/// machines; a restoring clock that is behind only makes ids remembered longer).</para>
/// <para>Ids are stored as 64-bit XxHash3 values, not strings, in <see cref="IdHashSet"/>s: an entry costs 8-16 bytes
/// instead of a string object of 40-100+ bytes plus the entry. A false "duplicate" needs a 64-bit collision: 2^-64 per pair,
/// so with n ids held the odds of any collision are about n^2 / 2^65, about 3 x 10^-8 even for a million ids.</para>
/// <para>O(1) per call (amortised); allocation as the current set grows, and once per generation, when the ended one
/// is trimmed and the dropped one let go: sets keep their capacity, so reusing them would hold a burst's memory for good. Not thread-safe: it lives inside one grain.</para>
/// </remarks>
public sealed class RecentMentionIds
{
    private readonly TimeProvider _timeProvider;
    private readonly long _origin;
    private readonly long _horizonTicks;
    // Generation time that had already passed at _origin: 0 when new, the saved position in its generation when restored.
    private long _originOffsetTicks;
    private IdHashSet _current = new();
    private IdHashSet _previous = new();
    private long _generation;

    public RecentMentionIds(TimeSpan horizon, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _horizonTicks = horizon.Ticks;
    }

    public TimeSpan Horizon => TimeSpan.FromTicks(_horizonTicks);

    /// <summary>How many distinct ids are remembered right now.</summary>
    public int Count
    {
        get
        {
            Rotate();
            return _current.Count + _previous.Count;
        }
    }

    /// <summary>
    /// True when <paramref name="id"/> was not seen within the horizon (count the mention); false for a duplicate.
    /// Either way the id now counts as seen, so a steadily re-delivered id stays a duplicate.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<char> id) => TryAdd(HashOf(id));

    /// <summary>The 64-bit hash an id is remembered by.</summary>
    public static ulong HashOf(ReadOnlySpan<char> id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id));

    /// <summary><see cref="TryAdd(ReadOnlySpan{char})"/> for an id already hashed with <see cref="HashOf"/>.</summary>
    public bool TryAdd(ulong hash)
    {
        Rotate();
        if (_previous.Remove(hash))
        {
            // Seen last generation: move it forward so the guarantee counts from this sighting.
            _current.Add(hash);
            return false;
        }

        return _current.Add(hash);
    }

    /// <summary>How many ids both sets have room for, for tests of what a quiet instance holds.</summary>
    internal int Capacity => _current.Capacity + _previous.Capacity;

    /// <summary>Forgets the ids whose time is up and releases their memory; for a quiet owner to call now and then, since
    /// otherwise only <see cref="TryAdd"/> moves the generations on.</summary>
    public void Expire() => Rotate();

    /// <summary>Both generations' hashes and the position in the current one, as plain data; O(ids), for checkpoints.</summary>
    public RecentMentionIdsState Export()
    {
        var (savedAt, intoGeneration) = Position();
        return new RecentMentionIdsState(Horizon, savedAt, intoGeneration, _current.ToArray(), _previous.ToArray());
    }

    /// <summary>Where the current generation stands, anchored to the wall clock (as in <see cref="Export"/>), without copying ids.</summary>
    public (DateTimeOffset Now, TimeSpan IntoGeneration) Position()
    {
        Rotate();
        var intoGeneration = ElapsedTicks() - (_generation * _horizonTicks);
        return (_timeProvider.GetUtcNow(), TimeSpan.FromTicks(intoGeneration));
    }

    /// <summary>
    /// The ids of <paramref name="state"/> as the exporting instance would hold them now, on <paramref name="timeProvider"/>:
    /// generations that have ended since the export by the wall clock are dropped, so expiry goes on as if never interrupted.
    /// </summary>
    /// <remarks>Under a different <paramref name="horizon"/> than the saved one (the configuration changed) every saved
    /// hash goes into the current generation: remembered for at least the new horizon, which keeps the guarantee.</remarks>
    /// <exception cref="ArgumentException">The saved position is outside its generation, as from a corrupted checkpoint.</exception>
    public static RecentMentionIds Restore(RecentMentionIdsState state, TimeSpan horizon, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Current, nameof(state));
        ArgumentNullException.ThrowIfNull(state.Previous, nameof(state));
        var ids = new RecentMentionIds(horizon, timeProvider);
        if (state.Horizon != horizon)
        {
            ids._current.UnionWith(state.Current);
            ids._current.UnionWith(state.Previous);
            return ids;
        }

        if (state.IntoGeneration < TimeSpan.Zero || state.IntoGeneration >= horizon)
        {
            throw new ArgumentException($"The saved position {state.IntoGeneration} lies outside a generation of {horizon}.", nameof(state));
        }

        // A clock behind the exporter's counts as no time passed: ids are then remembered longer, never shorter.
        long passed = Math.Max((timeProvider.GetUtcNow() - state.SavedAt).Ticks, 0);
        long position = state.IntoGeneration.Ticks + passed;
        long generationsPassed = position / ids._horizonTicks;
        if (generationsPassed == 0)
        {
            ids._current.UnionWith(state.Current);
            ids._previous.UnionWith(state.Previous);
        }
        else if (generationsPassed == 1)
        {
            ids._previous.UnionWith(state.Current);
        }

        ids._originOffsetTicks = position % ids._horizonTicks;
        return ids;
    }

    private long ElapsedTicks() => _timeProvider.GetElapsedTime(_origin).Ticks + _originOffsetTicks;

    private void Rotate()
    {
        long generation = ElapsedTicks() / _horizonTicks;
        if (generation == _generation)
        {
            return;
        }

        if (generation == _generation + 1)
        {
            // Sets keep their capacity: the dropped generation's set is let go instead of reused, the ended one is trimmed
            // to its ids (only looked up from now on) and the new one grows from empty. O(ids) once per horizon.
            _previous = _current;
            _previous.TrimExcess();
            _current = new();
        }
        else
        {
            // Two or more generations passed without a call: both sets hold ids from generation _generation or
            // earlier, whose guarantee ended when generation _generation + 2 began.
            _previous = new();
            _current = new();
        }

        _generation = generation;
    }
}
