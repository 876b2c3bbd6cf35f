using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>The few most engaging mentions of the last minutes: the "top posts" an alert shows.</summary>
internal sealed class TopRecentMentions(int capacity, TimeSpan horizon)
{
    // Not pre-sized: most grains hold a mention or two here, and many none.
    private readonly List<ScoredMention> _top = [];

    public void Add(ScoredMention mention, DateTimeOffset now)
    {
        _top.RemoveAll(m => now - m.Mention.Timestamp > horizon);
        if (_top.Count == capacity && Engagement(mention) <= Engagement(_top[^1]))
        {
            return;
        }

        var at = _top.FindIndex(m => Engagement(m) < Engagement(mention));
        _top.Insert(at < 0 ? _top.Count : at, mention);
        if (_top.Count > capacity)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }

    public MentionView[] Views() => [.. _top.Select(MentionView.From)];

    private static long Engagement(ScoredMention m) => m.Mention.Likes + m.Mention.Shares + m.Mention.Comments;
}
