using Pulse.Analytics.TextSearch;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Engagement tiers in a batch's word index, so a most-engaged-first search with words reads only the batches where a
/// well-engaged mention has those words. A mention whose engagement (likes + shares + comments) reaches 10^k, for tiers
/// k from <see cref="Lowest"/> to <see cref="Highest"/>, adds <see cref="Term"/>(k, t) to its batch's terms for each of
/// its own terms t and each tier it reaches (cumulative: 1 500 gives tiers 2 and 3). A batch whose terms contain a
/// required set's tier-k terms may hold a match at 10^k or more; one without cannot. The rule lives here alone: the
/// writer (<see cref="BatchBuilder"/>) and the search (Search.MentionSearch) both use it.
/// </summary>
internal static class EngagementTiers
{
    /// <summary>
    /// 10^2. Engagement is heavy-tailed (Pareto, tail index about 1.2 in DemoEngagement and the load generator): about
    /// 23 % of mentions reach 10, 1.8 % reach 100, 0.12 % reach 1 000. Each tier adds a term per term of each mention
    /// reaching it, so the lowest tier sets the write cost: from 10 it would add a quarter again to the terms written,
    /// from 100 about 2 %. All higher tiers together add only 1 / (1 - 10^-1.2) - 1, about 7 %, of the lowest's share.
    /// </summary>
    public const int Lowest = 2;

    /// <summary>
    /// 10^9, beyond any post's engagement (the most liked posts ever have under 10^8), so a search starts there and the
    /// empty tiers above a brand's real top cost one index probe each.
    /// </summary>
    public const int Highest = 9;

    /// <summary>What no analysed term holds: <see cref="SearchAnalyzer"/> keeps only letters and digits.</summary>
    private const char Mark = '\u0001';

    private static readonly long[] Floors = [.. Enumerable.Range(0, Highest + 1).Select(k => (long)Math.Pow(10, k))];

    /// <summary>The engagement tier <paramref name="tier"/> starts at: 10^tier.</summary>
    public static long Floor(int tier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tier, Lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tier, Highest);
        return Floors[tier];
    }

    /// <summary>The highest tier <paramref name="engagement"/> reaches, or <see cref="Lowest"/> - 1 when it reaches none.</summary>
    public static int Reached(long engagement)
    {
        var tier = Lowest - 1;
        while (tier < Highest && engagement >= Floors[tier + 1])
        {
            tier++;
        }

        return tier;
    }

    /// <summary>
    /// Tier <paramref name="tier"/>'s term for <paramref name="term"/>: a control character, the tier, the control
    /// character again, the term. No analysed word holds a control character (and the API refuses them in queries), so
    /// neither a mention nor a query's words can make one.
    /// </summary>
    public static string Term(int tier, string term) => string.Concat([Mark, (char)('0' + tier), Mark], term);

    /// <summary>Whether <paramref name="term"/> is a tier term rather than an analysed one.</summary>
    public static bool IsTierTerm(string term) => term.Length > 0 && term[0] == Mark;

    /// <summary>The tier terms a batch must contain to hold a mention at <paramref name="tier"/> or above with all of <paramref name="set"/>.</summary>
    public static string[] Terms(int tier, IReadOnlyList<string> set) => [.. set.Select(term => Term(tier, term))];

    /// <summary>
    /// A batch's tier terms, gathered mention by mention as it is built, each (tier, term) once. Reused from batch to
    /// batch; not thread-safe.
    /// </summary>
    internal sealed class Collector
    {
        private readonly HashSet<(int Tier, string Term)> _terms = [];

        public void Clear() => _terms.Clear();

        /// <summary>Adds the tier terms of a mention with <paramref name="tokens"/>, if it reaches a tier.</summary>
        public void Add(Mention mention, List<SearchToken> tokens)
        {
            var reached = Reached(mention.Likes + mention.Shares + mention.Comments);
            for (var tier = Lowest; tier <= reached; tier++)
            {
                foreach (var token in tokens)
                {
                    _terms.Add((tier, token.Term));
                }
            }
        }

        /// <summary>
        /// <paramref name="terms"/> (the batch's analysed terms) followed by the tier terms: after them, so the tokens'
        /// indexes into the analysed terms stay as they are.
        /// </summary>
        public string[] After(List<string> terms)
        {
            var all = new string[terms.Count + _terms.Count];
            terms.CopyTo(all);
            var at = terms.Count;
            foreach (var (tier, term) in _terms)
            {
                all[at++] = Term(tier, term);
            }

            return all;
        }
    }
}
