namespace Pulse.Sources.Mastodon;

/// <summary>
/// The last N status ids seen, oldest forgotten first. After a reconnect the back-fill and the newly opened stream overlap;
/// this drops the statuses that came both ways. Bounded, because a source runs for months.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Remembers <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }

        return true;
    }
}
