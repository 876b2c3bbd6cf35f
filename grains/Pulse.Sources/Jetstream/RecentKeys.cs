namespace Pulse.Sources.Jetstream;

/// <summary>
/// A bounded set of the most recently accepted event keys, oldest evicted first. After a reconnect the server replays a
/// few seconds the connector already delivered; this is what keeps that overlap from being delivered and counted twice.
/// Not thread-safe: one per running source.
/// </summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly HashSet<string> _keys = new(capacity, StringComparer.Ordinal);
    private readonly Queue<string> _order = new(capacity);

    public int Count => _keys.Count;

    public bool Contains(string key) => _keys.Contains(key);

    public void Add(string key)
    {
        if (!_keys.Add(key))
        {
            return;
        }

        _order.Enqueue(key);
        if (_order.Count > capacity)
        {
            _keys.Remove(_order.Dequeue());
        }
    }
}
