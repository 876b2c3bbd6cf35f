using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>The few most engaging mentions of the last minutes: the "top posts" an alert shows.</summary>
/// <remarks>Holds the same <see cref="FeedEntry"/>s as the live feed, so a mention in both costs its bytes once.</remarks>
internal sealed class TopRecentMentions(int capacity, TimeSpan horizon)
{
    // Not pre-sized: most grains hold a mention or two here, and many none. Engagement is read from the entries (three
    // varints) when compared, rather than kept beside them.
    private readonly List<FeedEntry> _top = [];

    public void Add(ScoredMention mention, DateTimeOffset now) => Add(FeedEntry.From(mention), now);

    // Called for every recorded mention: plain loops, no closures to allocate.
    public void Add(FeedEntry mention, DateTimeOffset now)
    {
        var oldest = now.UtcTicks - horizon.Ticks;
        for (var i = _top.Count - 1; i >= 0; i--)
        {
            if (_top[i].UtcTicks < oldest)
            {
                _top.RemoveAt(i);
            }
        }

        var engagement = mention.Engagement;
        if (_top.Count == capacity && engagement <= _top[^1].Engagement)
        {
            return;
        }

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
