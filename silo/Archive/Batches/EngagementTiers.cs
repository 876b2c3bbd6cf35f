using System.Globalization;
using Pulse.Analytics.TextSearch;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Engagement tiers, a batch's second word index, so a most-engaged-first search with words reads only the batches where
/// a well-engaged mention has those words. A mention whose engagement (likes + shares + comments) reaches a tier's
/// <see cref="Floor"/> adds <see cref="Term"/>(tier, t) to its batch's tier terms (<see cref="NewBatch.Tiers"/>) for each
/// of its own terms t and each tier it reaches (cumulative: 1 500 reaches 32, 100, 316 and 1 000). A batch whose tier
/// terms contain a required set's may hold a match at that floor or above; one without cannot. The rule lives here
/// alone: the writer (<see cref="BatchBuilder"/>) and the search (Search.MentionSearch) both use it.
/// </summary>
/// <remarks>
/// Floors are every half order of magnitude, 10^(k/2) rounded, from 10^1.5 (32) to 10^9. Engagement is heavy-tailed
/// (Pareto, tail index α about 1.2 in DemoEngagement and the load generator: 23 % of mentions reach 10, 6.5 % reach 32,
/// 1.8 % reach 100). Three costs follow from the floors, for a page of p results:
/// <list type="bullet">
/// <item>Writing: a tier adds a term per term of each mention reaching it, so tiers cost the share reaching the lowest
/// floor, times 1 / (1 - step^-α) for the tiers above it (1.34 for half orders): from 32 about 9 % of a mention's terms, from
/// 10 about 30 %, from 100 about 2.5 %.</item>
/// <item>A search whose page fills at a tier read the batches of at most about p * step^α matches (the tier above held
/// fewer than p): 4 pages for half orders of magnitude, 16 for whole ones.</item>
/// <item>A search whose page no tier fills reads every batch holding its words, up to about p / (share reaching the
/// lowest floor): 15 pages from 32, 57 from 100 (a big brand's batch of 300 mentions takes about 0.3 ms to read).</item>
/// </list>
/// 32 is the lowest floor whose terms stay about a tenth of those written. 10^9 is beyond any post's engagement (the most
/// liked posts ever have under 10^8), so a search starts there; an empty tier costs one index probe. Tier terms are
/// kept apart from the words (their own column and index), so the word index and the planner's statistics on it stay
/// as they were: mixed in, they took a seventh of the terms' most-common-element slots and flipped the plan of a
/// search across every brand (docs/performance.md).
/// </remarks>
internal static class EngagementTiers
{
    /// <summary>The tiers' floors, lowest first: 10^(k/2) rounded, k from 3 to 18.</summary>
    private static readonly long[] Floors = [.. Enumerable.Range(3, 16).Select(k => (long)Math.Round(Math.Pow(10, k / 2.0)))];

    /// <summary>Each tier's term prefix, its floor and a colon, formatted once rather than for every term written or searched.</summary>
    private static readonly string[] Prefixes = [.. Floors.Select(floor => floor.ToString(CultureInfo.InvariantCulture) + ":")];

    /// <summary>How many tiers there are; tier 0 is the lowest.</summary>
    public static int Count => Floors.Length;

    /// <summary>The engagement tier <paramref name="tier"/> starts at.</summary>
    public static long Floor(int tier) => Floors[tier];

    /// <summary>The highest tier <paramref name="engagement"/> reaches, or -1 when it reaches none.</summary>
    public static int Reached(long engagement)
    {
        var tier = -1;
        while (tier + 1 < Floors.Length && engagement >= Floors[tier + 1])
        {
            tier++;
        }

        return tier;
    }

    /// <summary>
    /// Tier <paramref name="tier"/>'s term for <paramref name="term"/>: the tier's floor, a colon, the term, e.g.
    /// <c>100:servic</c> (analysed terms are letters and digits, so the first colon ends the floor).
    /// </summary>
    public static string Term(int tier, string term) => Prefixes[tier] + term;

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

        /// <summary>Adds the tier terms of a mention of <paramref name="engagement"/> with <paramref name="tokens"/>, if it reaches a tier.</summary>
        public void Add(long engagement, List<SearchToken> tokens)
        {
            var reached = Reached(engagement);
            for (var tier = 0; tier <= reached; tier++)
            {
                foreach (var token in tokens)
                {
                    _terms.Add((tier, token.Term));
                }
            }
        }

        /// <summary>The batch's tier terms.</summary>
        public string[] ToArray() => [.. _terms.Select(t => Term(t.Tier, t.Term))];
    }
}
