namespace Pulse.Sources.Connecting;

/// <summary>
/// The last N ids a source accepted, oldest forgotten first. After a reconnect a network replays (Jetstream's cursor
/// margin) or overlaps (Mastodon's back-fill against the new stream) what was already delivered; this keeps the overlap
/// from being delivered twice. Bounded, because a source runs for months. Not thread-safe: one per running source.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _ids.Count;

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Remembers <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
