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
/// <para>Ids are stored as 64-bit XxHash3 values, not strings: an entry costs 16 bytes in the set instead of a
/// string object of 40-100+ bytes plus the entry. A false "duplicate" needs a 64-bit collision: 2^-64 per pair,
/// so with n ids held the odds of any collision are about n^2 / 2^65, about 3 x 10^-8 even for a million ids.</para>
/// <para>O(1) per call, no allocation once the sets have grown. Not thread-safe: it lives inside one grain.</para>
/// </remarks>
public sealed class RecentMentionIds
{
    private readonly TimeProvider _timeProvider;
    private readonly long _origin;
    private readonly long _horizonTicks;
    private HashSet<ulong> _current = [];
    private HashSet<ulong> _previous = [];
    private long _generation;

    public RecentMentionIds(TimeSpan horizon, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _horizonTicks = horizon.Ticks;
        Horizon = horizon;
    }

    public TimeSpan Horizon { get; }

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
    public bool TryAdd(ReadOnlySpan<char> id)
    {
        Rotate();
        ulong hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id));
        if (_previous.Remove(hash))
        {
            // Seen last generation: move it forward so the guarantee counts from this sighting.
            _current.Add(hash);
            return false;
        }

        return _current.Add(hash);
    }

    private void Rotate()
    {
        long generation = _timeProvider.GetElapsedTime(_origin).Ticks / _horizonTicks;
        if (generation == _generation)
        {
            return;
        }

        if (generation == _generation + 1)
        {
            // Reuse the dropped generation's set as the new current one: no allocation, capacity kept.
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }
        else
        {
            // Two or more generations passed without a call: both sets hold ids from generation _generation or
            // earlier, whose guarantee ended when generation _generation + 2 began.
            _previous.Clear();
            _current.Clear();
        }

        _generation = generation;
    }
}
