using CsCheck;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>
/// The matcher against an oracle: random brands (keywords, boolean queries, exclusions over a few plain words) and random
/// texts of those words, judged by evaluating each query on the set of words. The matcher evaluates only brands that one
/// of their candidate terms makes worth it; the oracle evaluates every brand, so a candidate choice that misses a match
/// fails here.
/// </summary>
public sealed class BrandMatcherProperties
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "omega", "sigma"];

    private static readonly Gen<QueryNode> Term = Gen.Int[0, Words.Length - 1].Select(w => (QueryNode)new TermNode(Words[w]));

    private static readonly Gen<QueryNode> Query = Gen.Recursive<QueryNode>((depth, tree) => depth >= 4
        ? Term
        : Gen.Frequency(
            (3, Term),
            (2, Gen.Select(tree, tree, (l, r) => (QueryNode)new AndNode(l, r))),
            (2, Gen.Select(tree, tree, (l, r) => (QueryNode)new OrNode(l, r))),
            (1, tree.Select(o => (QueryNode)new NotNode(o)))));

    private static readonly Gen<(string[] Keywords, QueryNode? Query, string[] Exclude)> Brand =
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 2], Query, Gen.Bool, Gen.Int[0, Words.Length - 1].Array[0, 1],
            (keywords, query, hasQuery, exclude) => (keywords.Select(k => Words[k]).ToArray(), hasQuery || keywords.Length == 0 ? query : null, exclude.Select(e => Words[e]).ToArray()));

    private static readonly Gen<string[]> Texts = Gen.Int[0, Words.Length - 1].Array[0, 5].Select(w => string.Join(' ', w.Select(i => Words[i]))).Array[20];

    [Fact]
    public void Every_brand_whose_query_holds_on_a_text_is_matched_and_no_other() =>
        Gen.Select(Brand.Array[1, 40], Texts).Sample(run =>
        {
            var (drawn, texts) = run;
            var brands = drawn
                .Select((b, i) => new BrandQuery($"b{i}", b.Keywords, [], [], b.Query?.ToString(), b.Exclude))
                .Where(b => BrandQueryParser.Validate(b).Count == 0)
                .ToArray();
            var matcher = new BrandMatcher(brands);
            foreach (var text in texts)
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                var expected = brands.Where(b => Holds(b, words)).Select(b => b.BrandId).ToList();
                var matched = new List<string>();

                matcher.Match(text, author: null, matched);

                Assert.Equal(expected, matched);
            }
        }, iter: 500);

    [Fact]
    public void Of_the_sides_of_an_and_the_one_fewer_brands_use_makes_the_brand_a_candidate()
    {
        // "zorblatphone AND (battery OR camera)", where battery and camera are in 200 brands' queries.
        var phone = new MatchExpression.And(new MatchExpression.Term(0), new MatchExpression.Or(new MatchExpression.Term(1), new MatchExpression.Term(2)));

        Assert.Equal([0], phone.Triggers(holds: true, usage: [1, 200, 200])!);
        Assert.Equal([1, 2], phone.Triggers(holds: true, usage: [500, 1, 1])!);
        Assert.Null(new MatchExpression.Not(new MatchExpression.Term(0)).Triggers(holds: true, usage: [1]));
        Assert.Equal([0], new MatchExpression.Not(new MatchExpression.Not(new MatchExpression.Term(0))).Triggers(holds: true, usage: [1])!);
    }

    private static bool Holds(BrandQuery brand, HashSet<string> words) =>
        !(brand.Exclude ?? []).Any(words.Contains)
        && (brand.Keywords.Any(words.Contains) || (brand.Query is { } query && Evaluate(BrandQueryParser.Parse(query), words)));

    private static bool Evaluate(QueryNode node, HashSet<string> words) => node switch
    {
        TermNode term => words.Contains(term.Text),
        AndNode and => Evaluate(and.Left, words) && Evaluate(and.Right, words),
        OrNode or => Evaluate(or.Left, words) || Evaluate(or.Right, words),
        NotNode not => !Evaluate(not.Operand, words),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
