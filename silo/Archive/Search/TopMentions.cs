using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// The best <c>capacity</c> mentions seen so far, in a heap whose root is the worst kept: a mention that does not beat
/// it is dropped before its text is decoded.
/// </summary>
internal sealed class TopMentions(MentionSearchSort sort, int capacity)
{
    private readonly PriorityQueue<ArchivedMention, SearchKey> _heap = new(capacity + 1, Comparer<SearchKey>.Create((a, b) => SearchKey.Rank(sort, a, b)));

    public bool IsFull => _heap.Count >= capacity;

    public int Count => _heap.Count;

    /// <summary>The worst mention kept; only meaningful when <see cref="IsFull"/>.</summary>
    public SearchKey Worst => _heap.TryPeek(out _, out var key) ? key : default;

    /// <summary>Whether a mention ranked <paramref name="key"/> would be kept.</summary>
    public bool Admits(in SearchKey key) => !IsFull || SearchKey.Rank(sort, key, Worst) > 0;

    public void Add(ArchivedMention mention, in SearchKey key)
    {
        if (IsFull)
        {
            _heap.EnqueueDequeue(mention, key);
        }
        else
        {
            _heap.Enqueue(mention, key);
        }
    }

    /// <summary>Everything kept, best first.</summary>
    public List<(ArchivedMention Mention, SearchKey Key)> Drain()
    {
        var items = new List<(ArchivedMention, SearchKey)>(_heap.Count);
        while (_heap.TryDequeue(out var mention, out var key))
        {
            items.Add((mention, key));
        }

        items.Reverse();
        return items;
    }
}
