using Pulse.Grains.Mentions;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// The posts ingest recently matched to a brand, by at-uri, so likes, reposts, replies and quotes that point at one can
/// be routed as its engagement. Least recently used goes first: a post that keeps being engaged with stays, one nobody
/// touches ages out. Bounded twice: by count, and by an estimate of the bytes held, so posts with huge texts or ids (from
/// a broken or hostile server) cannot make one source hold more than the budget.
/// </summary>
/// <remarks>
/// Arrays and index links, not <see cref="LinkedList{T}"/>: no allocation per post beyond the dictionary's entry, and the
/// strings are the mention's own (shared, not copied). Not thread-safe: owned by one connector run.
/// </remarks>
internal sealed class MatchedPosts
{
    // A slot's fixed cost beyond its strings: the slot itself, the dictionary entry and bucket, three string headers.
    private const int SlotOverhead = 160;
    private const int None = -1;

    private readonly Dictionary<string, int> _slots;
    private readonly Post[] _posts;
    private readonly int[] _newer;
    private readonly int[] _older;
    private readonly long _maxBytes;
    private int _newest = None;
    private int _oldest = None;
    private int _used;
    private int _free = None;

    public MatchedPosts(int capacity, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _slots = new Dictionary<string, int>(StringComparer.Ordinal);
        _posts = new Post[capacity];
        _newer = new int[capacity];
        _older = new int[capacity];
        _maxBytes = maxBytes;
    }

    public int Count => _slots.Count;

    /// <summary>The estimated bytes held by the posts' strings and slots.</summary>
    public long Bytes { get; private set; }

    /// <summary>Remembers <paramref name="post"/> (its id, text, author and language) as the most recently used.</summary>
    public void Add(Mention post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var size = SizeOf(post);
        if (size > _maxBytes)
        {
            return; // could never be held; and would push every other post out
        }

        if (_slots.TryGetValue(post.Id, out var existing))
        {
            Unlink(existing);
            Bytes -= _posts[existing].Size;
            Fill(existing, post, size);
            return;
        }

        while (_slots.Count > 0 && (_slots.Count == _posts.Length || Bytes + size > _maxBytes))
        {
            Evict();
        }

        int slot;
        if (_free != None)
        {
            slot = _free;
            _free = _older[slot];
        }
        else
        {
            slot = _used++;
        }

        _slots.Add(post.Id, slot);
        Fill(slot, post, size);
    }

    /// <summary>The post at <paramref name="uri"/> if it is held, which makes it the most recently used.</summary>
    public bool TryGet(string uri, out Post post)
    {
        if (!_slots.TryGetValue(uri, out var slot))
        {
            post = default;
            return false;
        }

        Unlink(slot);
        LinkNewest(slot);
        post = _posts[slot];
        return true;
    }

    private void Fill(int slot, Mention post, long size)
    {
        _posts[slot] = new Post(post.Id, post.Text, post.Author, post.Lang, size);
        Bytes += size;
        LinkNewest(slot);
    }

    private void Evict()
    {
        var slot = _oldest;
        Unlink(slot);
        _slots.Remove(_posts[slot].Id);
        Bytes -= _posts[slot].Size;
        _posts[slot] = default;
        _older[slot] = _free;
        _free = slot;
    }

    private void LinkNewest(int slot)
    {
        _newer[slot] = None;
        _older[slot] = _newest;
        if (_newest != None)
        {
            _newer[_newest] = slot;
        }

        _newest = slot;
        if (_oldest == None)
        {
            _oldest = slot;
        }
    }

    private void Unlink(int slot)
    {
        var (newer, older) = (_newer[slot], _older[slot]);
        if (newer != None)
        {
            _older[newer] = older;
        }
        else
        {
            _newest = older;
        }

        if (older != None)
        {
            _newer[older] = newer;
        }
        else
        {
            _oldest = newer;
        }
    }

    private static long SizeOf(Mention post) =>
        SlotOverhead + (2L * (post.Id.Length + post.Text.Length + (post.Author?.Length ?? 0)));

    /// <summary>What an engagement event needs of the post it points at: enough to match it exactly as the post matched.</summary>
    internal readonly record struct Post(string Id, string Text, string? Author, string? Lang, long Size);
}
