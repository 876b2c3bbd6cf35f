using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>The few most engaging mentions of the last minutes: the "top posts" an alert shows.</summary>
internal sealed class TopRecentMentions(int capacity, TimeSpan horizon)
{
    // Not pre-sized: most grains hold a mention or two here, and many none.
    private readonly List<ScoredMention> _top = [];

    // Called for every recorded mention: plain loops, no closures to allocate.
    public void Add(ScoredMention mention, DateTimeOffset now)
    {
        for (var i = _top.Count - 1; i >= 0; i--)
        {
            if (now - _top[i].Mention.Timestamp > horizon)
            {
                _top.RemoveAt(i);
            }
        }

        var engagement = Engagement(mention);
        if (_top.Count == capacity && engagement <= Engagement(_top[^1]))
        {
            return;
        }

        var at = 0;
        while (at < _top.Count && Engagement(_top[at]) >= engagement)
        {
            at++;
        }

        _top.Insert(at, mention);
        if (_top.Count > capacity)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }

    public MentionView[] Views() => [.. _top.Select(MentionView.From)];

    private static long Engagement(ScoredMention m) => m.Mention.Likes + m.Mention.Shares + m.Mention.Comments;
}
