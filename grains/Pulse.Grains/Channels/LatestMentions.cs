using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>A small ring of the most recently recorded mentions, for the live feed, kept as <see cref="FeedEntry"/>s.</summary>
/// <remarks>
/// The ring is allocated with the first mention, for four, and doubles up to the capacity: many grains are only
/// activated to be read (a brand's page asks every channel) and never record one, and many record only a few.
/// A busy channel records far more mentions than the ring keeps, so <see cref="AddPending"/> holds a mention as it came
/// until <see cref="Compact"/> (the grain's once-a-second tick) encodes the survivors: most are overwritten before, and
/// the snapshot that shows fresh mentions reads them without decoding.
/// </remarks>
internal sealed class LatestMentions(int capacity)
{
    // Each slot: an encoded entry's bytes, or a ScoredMention not encoded yet.
    private object?[] _ring = [];
    private int _next;
    private int _count;

    public void Add(ScoredMention mention) => Add(FeedEntry.From(mention));

    public void Add(FeedEntry entry) => Put(entry.Bytes);

    /// <summary>Adds <paramref name="mention"/> as it is; <see cref="Compact"/> encodes it if it is still held then.</summary>
    public void AddPending(ScoredMention mention) => Put(mention);

    /// <summary>Encodes the mentions added pending that are still held.</summary>
    public void Compact()
    {
        for (var i = 0; i < _ring.Length; i++)
        {
            if (_ring[i] is ScoredMention pending)
            {
                _ring[i] = FeedEntry.From(pending).Bytes;
            }
        }
    }

    private void Put(object item)
    {
        if (_count == _ring.Length && _ring.Length < capacity)
        {
            // Until it first fills, the ring has not wrapped: entries 0..count-1 are oldest first and the next goes after them.
            var grown = new object?[Math.Min(capacity, Math.Max(4, _ring.Length * 2))];
            _ring.CopyTo(grown, 0);
            _ring = grown;
            _next = _count;
        }

        _ring[_next] = item;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>The mentions held, oldest first: adding them in order to a new instance restores this one.</summary>
    public ScoredMention[] OldestFirst()
    {
        var result = new ScoredMention[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _ring[(_next - _count + i + _ring.Length) % _ring.Length] switch
            {
                ScoredMention pending => pending,
                var bytes => FeedEntry.Of((byte[])bytes!).ToScored(),
            };
        }

        return result;
    }

    /// <summary>A feed holding <paramref name="oldestFirst"/>; when there are more than <paramref name="capacity"/>, the newest.</summary>
    public static LatestMentions Restore(int capacity, IEnumerable<ScoredMention> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var latest = new LatestMentions(capacity);
        foreach (var mention in oldestFirst)
        {
            latest.Add(mention);
        }

        return latest;
    }

    public MentionView[] Newest(int limit)
    {
        var n = Math.Min(limit, _count);
        var result = new MentionView[n];
        for (var i = 0; i < n; i++)
        {
            var index = (_next - 1 - i + _ring.Length) % _ring.Length;
            result[i] = _ring[index] switch
            {
                ScoredMention pending => MentionView.From(pending),
                var bytes => FeedEntry.Of((byte[])bytes!).ToView(),
            };
        }

        return result;
    }
}
