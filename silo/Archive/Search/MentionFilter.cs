using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Which of a batch's mentions a search returns: in its time range, after its cursor, on its channel, sentiment and
/// language, and matching its words. Cheap checks come first; the text is decoded only for a mention that makes the page.
/// </summary>
internal sealed class MentionFilter(MentionSearchQuery query, TextMatch? text)
{
    private readonly long _from = query.From?.UtcTicks ?? long.MinValue;
    private readonly long _to = query.To?.UtcTicks ?? long.MaxValue;
    private readonly SearchKey? _after = query.After is { } cursor ? SearchKey.Of(cursor) : null;

    public void Collect(string brand, string[] terms, BatchBodyReader mentions, TopMentions top)
    {
        var words = text?.Bind(terms);
        while (mentions.MoveNext())
        {
            var ticks = mentions.PublishedAt.Ticks;
            if (ticks < _from || ticks >= _to
                || (query.Label is { } label && mentions.Label != label)
                || (query.Channel is { } channel && !mentions.ChannelIs(channel))
                || (query.Lang is { } lang && !mentions.LangIs(lang)))
            {
                continue;
            }

            // Before the words and the id are looked at: most mentions of a settled page fail here.
            var engagement = mentions.Engagement;
            if (top.IsFull && Worse(engagement, ticks, top.Worst))
            {
                continue;
            }

            if (words is not null && !words.Matches(mentions))
            {
                continue;
            }

            var key = new SearchKey(engagement, ticks, mentions.Id, brand);
            if ((_after is { } after && SearchKey.Rank(query.Sort, key, after) >= 0) || !top.Admits(key))
            {
                continue;
            }

            top.Add(mentions.Materialize(brand), key);
        }
    }

    /// <summary>Ranked after <paramref name="worst"/> by engagement and time alone, whatever the id.</summary>
    private bool Worse(long engagement, long ticks, SearchKey worst) => query.Sort == MentionSearchSort.Engagement
        ? engagement < worst.Engagement || (engagement == worst.Engagement && ticks < worst.Ticks)
        : ticks < worst.Ticks;
}
