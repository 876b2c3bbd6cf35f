using Pulse.Analytics.Windows;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>The few most engaging mentions of the last minutes: the "top posts" an alert shows.</summary>
/// <remarks>Holds the same <see cref="FeedEntry"/>s as the live feed, so a mention in both costs its bytes once.</remarks>
internal sealed class TopRecentMentions(int capacity, TimeSpan horizon)
{
    // Not pre-sized: most grains hold a mention or two here, and many none. Engagement is read from the entries (three
    // varints) when compared, rather than kept beside them.
    private readonly List<FeedEntry> _top = [];

    public void Add(ScoredMention mention, DateTimeOffset now) => TryAdd(mention, now, out _);

    /// <summary>
    /// Keeps <paramref name="mention"/> if it ranks among the top, encoding it only then (called for every recorded
    /// mention; most do not make it). The entry is handed back so the feed can share its bytes.
    /// </summary>
    public bool TryAdd(ScoredMention mention, DateTimeOffset now, out FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(mention);
        Expire(now);
        var m = mention.Mention;
        if (!Ranks(Saturating.Add(m.Likes, m.Shares, m.Comments)))
        {
            entry = default;
            return false;
        }

        entry = FeedEntry.From(mention);
        Insert(entry, entry.Engagement);
        return true;
    }

    // Called for every recorded mention: plain loops, no closures to allocate.
    public void Add(FeedEntry mention, DateTimeOffset now)
    {
        Expire(now);
        var engagement = mention.Engagement;
        if (Ranks(engagement))
        {
            Insert(mention, engagement);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        var oldest = now.UtcTicks - horizon.Ticks;
        for (var i = _top.Count - 1; i >= 0; i--)
        {
            if (_top[i].UtcTicks < oldest)
            {
                _top.RemoveAt(i);
            }
        }
    }

    private bool Ranks(long engagement) => _top.Count < capacity || engagement > _top[^1].Engagement;

    private void Insert(FeedEntry mention, long engagement)
    {
        var at = 0;
        while (at < _top.Count && _top[at].Engagement >= engagement)
        {
            at++;
        }

        _top.Insert(at, mention);
        if (_top.Count > capacity)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }

    public MentionView[] Views() => [.. _top.Select(t => t.ToView())];
}
