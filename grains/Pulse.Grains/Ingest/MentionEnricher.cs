using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Turns raw mentions into scored mentions grouped by (brand, channel). A mention tagged with a known
/// brand goes to that brand; otherwise it is matched against every brand's query and may match several.
/// Mentions matching no brand are dropped: Pulse keeps windows only for monitored brands.
/// </summary>
internal sealed class MentionEnricher(ISentimentScorer scorer)
{
    private static readonly SentimentResult Unscored = new(0f, SentimentLabel.Neutral, Languages.Undetermined);

    public Dictionary<ChannelKey, List<ScoredMention>> Enrich(IReadOnlyList<Mention> mentions, CompiledBrands brands, out int unmatched)
    {
        var groups = new Dictionary<ChannelKey, List<ScoredMention>>();
        unmatched = mentions.Count - Score(mentions, brands, scored => Add(groups, scored)).Count;
        return groups;
    }

    /// <summary>
    /// Matches and scores each mention, handing on one scored mention per brand it names; returns the mentions that named
    /// at least one.
    /// </summary>
    public List<Mention> Score(IReadOnlyList<Mention> mentions, CompiledBrands brands, Action<ScoredMention> found) =>
        brands.MatchAll(mentions, (mention, matched) =>
        {
            // Scored once per mention, whichever number of brands it names. Engagement carries the engaged post's text,
            // and windows take no sentiment from it: scoring it again would be wasted.
            var sentiment = mention.EngagementOf is null ? scorer.Score(mention.Text) : Unscored;
            foreach (var brandId in matched)
            {
                found(new ScoredMention(mention, brandId, sentiment.Score, sentiment.Label, sentiment.Language));
            }
        });

    /// <summary>Scored mentions by (brand, channel), each group in arrival order.</summary>
    public static Dictionary<ChannelKey, List<ScoredMention>> Group(IReadOnlyList<ScoredMention> scored)
    {
        var groups = new Dictionary<ChannelKey, List<ScoredMention>>();
        foreach (var mention in scored)
        {
            Add(groups, mention);
        }

        return groups;
    }

    private static void Add(Dictionary<ChannelKey, List<ScoredMention>> groups, ScoredMention scored)
    {
        var key = new ChannelKey(scored.BrandId, scored.Mention.Channel);
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(scored);
    }
}
