using Pulse.Analytics.Incidents;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Reports;

/// <summary>A term used more in a report's period than in the one it is compared with.</summary>
/// <param name="Term">As most of the period's posts wrote it.</param>
/// <param name="Posts">Posts of the period carrying it.</param>
/// <param name="BaselinePosts">Posts of the comparison period carrying it.</param>
/// <param name="Lift">Its share of the period's posts over its share of the comparison's (both smoothed by ½).</param>
/// <param name="Z">The log odds ratio over its standard error: how sure the rise is.</param>
public sealed record TermRiseBetween(string Term, int Posts, int BaselinePosts, double Lift, double Z);

/// <summary>
/// "What did people start saying?" between two sets of posts: per term (folded, as brand matching folds; see
/// <see cref="TermFilter"/>) the posts carrying it in each set, ranked by the log odds ratio of the two shares over
/// its standard error (Woolf), with Haldane–Anscombe's ½ added to every cell so a term absent before has a finite
/// ratio. A term is rising when that z exceeds 1.96 (two-sided 95 %) and at least three posts carry it: a lift found
/// in one or two posts is chance, not a topic. Ranking by z rather than by lift keeps a term in 300 posts (from 100)
/// ahead of one in 3 (from none).
/// </summary>
public sealed class RisingTermsBetween
{
    private const int MinimumPosts = 3;
    private const double MinimumZ = 1.96;

    private readonly Dictionary<string, Counts> _terms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenInPost = new(StringComparer.Ordinal);

    public int Posts { get; private set; }

    public int BaselinePosts { get; private set; }

    /// <summary>Counts each term of <paramref name="text"/> once, in the period or (<paramref name="baseline"/>) the comparison.</summary>
    public void Observe(string text, bool baseline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (baseline)
        {
            BaselinePosts++;
        }
        else
        {
            Posts++;
        }

        var scratch = new char[TextNormalizer.ScratchLength(text.Length)];
        var tokens = new FoldedToken[TextNormalizer.MaxTokenCount(text.Length)];
        var count = TextNormalizer.Tokenize(text, scratch, tokens);
        _seenInPost.Clear();
        for (var i = 0; i < count; i++)
        {
            var folded = tokens[i].Text(scratch);
            if (!TermFilter.IsInteresting(folded))
            {
                continue;
            }

            var key = new string(folded);
            if (!_seenInPost.Add(key))
            {
                continue;
            }

            if (!_terms.TryGetValue(key, out var counts))
            {
                _terms[key] = counts = new Counts();
            }

            if (baseline)
            {
                counts.Baseline++;
            }
            else
            {
                counts.Current++;
                var raw = tokens[i].Raw(text).ToString();
                counts.Spellings[raw] = counts.Spellings.GetValueOrDefault(raw) + 1;
            }
        }
    }

    public IReadOnlyList<TermRiseBetween> Top(int count)
    {
        var rising = new List<TermRiseBetween>();
        foreach (var counts in _terms.Values)
        {
            if (counts.Current < MinimumPosts)
            {
                continue;
            }

            double c = counts.Current + 0.5, notC = Posts - counts.Current + 0.5, b = counts.Baseline + 0.5, notB = BaselinePosts - counts.Baseline + 0.5;
            var z = (Math.Log(c / notC) - Math.Log(b / notB)) / Math.Sqrt((1 / c) + (1 / notC) + (1 / b) + (1 / notB));
            if (z > MinimumZ)
            {
                var lift = (c / (Posts + 1.0)) / (b / (BaselinePosts + 1.0));
                var name = counts.Spellings.MaxBy(s => (s.Value, s.Key)).Key;
                rising.Add(new TermRiseBetween(name, counts.Current, counts.Baseline, lift, z));
            }
        }

        return rising.OrderByDescending(r => r.Z).ThenBy(r => r.Term, StringComparer.Ordinal).Take(count).ToArray();
    }

    private sealed class Counts
    {
        public int Current;
        public int Baseline;
        public readonly Dictionary<string, int> Spellings = new(StringComparer.Ordinal);
    }
}
