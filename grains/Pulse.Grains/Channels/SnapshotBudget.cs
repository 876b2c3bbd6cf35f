namespace Pulse.Grains.Channels;

/// <summary>
/// How often a (brand, channel) grain may publish a snapshot: a token bucket refilled at one token per snapshot interval,
/// holding up to a second's worth. A quiet channel publishes each batch at once (its first mentions reach browsers
/// without waiting for a timer); a busy one averages one snapshot per interval, however many batches it records.
/// </summary>
/// <remarks>A mutable struct, held inline by each grain (a non-readonly field: a readonly one would take tokens from a copy).</remarks>
internal struct SnapshotBudget(TimeSpan interval)
{
    private readonly double _capacity = Math.Max(1, TimeSpan.FromSeconds(1) / interval);
    private double _tokens = Math.Max(1, TimeSpan.FromSeconds(1) / interval);
    private DateTimeOffset _refilled;

    /// <summary>Takes a token if one is left at <paramref name="now"/>.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        if (now > _refilled)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _refilled) / interval));
            _refilled = now;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
