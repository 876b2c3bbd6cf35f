using CsCheck;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>
/// A base matcher with changes layered on top matches exactly what a matcher compiled afresh over the same brands does,
/// after any sequence of puts (new, replacing, invalid), deletes, batches of both and rebuilds of the base.
/// </summary>
public sealed class LayeredBrandMatcherProperties
{
    private static readonly string[] Ids = ["a", "b", "c", "d", "e", "f", "g"];

    // Overlapping on purpose: brands share terms, prefixes, phrases and umlaut forms, so masking has to be exact.
    private static readonly string[] Keywords = ["zorblat", "quibber", "bahn", "zug*", "deutsche bahn", "müller", "strasse", "quib*"];

    // The last two are invalid: a put of either replaces the brand with one left out of matching.
    private static readonly string?[] Queries = [null, null, "zorblat AND NOT pie", "(bahn OR zug*) -deutsche", "\"deutsche bahn\" OR müller", "NOT pie", "(bahn"];

    private static readonly string?[] Excludes = [null, null, "pie", "deutsche bahn"];

    private static readonly string[] Words =
        ["zorblat", "quibber", "quibbers", "bahn", "zugausfall", "zug", "deutsche", "müller", "muller", "mueller", "strasse", "straße", "#zorb", "@quib", "pie", "the", "nothing"];

    private static readonly Gen<BrandQuery?[]> Puts =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Keywords.Length - 1].Array[0, 3], Gen.Int[0, Queries.Length - 1], Gen.Int[0, Excludes.Length - 1], Gen.Bool, Gen.Bool,
            (id, keywords, query, exclude, hashtag, handle) => new BrandQuery(
                Ids[id],
                [.. keywords.Select(k => Keywords[k])],
                hashtag ? ["#zorb"] : [],
                handle ? ["quib"] : [],
                Queries[query],
                Excludes[exclude] is { } e ? [e] : null))
        .Array[0, 3]
        .Select(puts => puts.Cast<BrandQuery?>().ToArray());

    /// <summary>Kind 0: a batch of puts and deletes; 1: rebuild the base from the current brands.</summary>
    private static readonly Gen<(int Kind, BrandQuery?[] Puts, string[] Deletes)> Step =
        Gen.Select(Gen.Frequency((9, Gen.Const(0)), (1, Gen.Const(1))), Puts, Gen.Int[0, Ids.Length - 1].Array[0, 2],
            (kind, puts, deletes) => (kind, puts, deletes.Select(d => Ids[d]).ToArray()));

    private static readonly Gen<string[]> Texts =
        Gen.Int[0, Words.Length - 1].Array[1, 8].Select(words => string.Join(' ', words.Select(w => Words[w]))).Array[6];

    [Fact]
    public void Layered_puts_and_deletes_match_like_a_fresh_compile() =>
        Gen.Select(Step.Array[1, 30], Texts).Sample(run =>
        {
            var (steps, texts) = run;
            var current = new Dictionary<string, BrandQuery>(StringComparer.OrdinalIgnoreCase);
            var layered = new LayeredBrandMatcher(BrandMatcher.CompileValid([]));
            foreach (var (kind, puts, deletes) in steps)
            {
                if (kind == 1)
                {
                    layered = new LayeredBrandMatcher(BrandMatcher.CompileValid(current.Values));
                    Assert.Equal(0, layered.ChangeCount);
                }
                else
                {
                    var upserted = puts.OfType<BrandQuery>().ToArray();
                    foreach (var brand in upserted)
                    {
                        current[brand.BrandId] = brand;
                    }

                    foreach (var id in deletes)
                    {
                        current.Remove(id);
                    }

                    layered = layered.With(upserted, deletes);
                }

                var fresh = BrandMatcher.CompileValid(current.Values);
                foreach (var text in texts)
                {
                    Assert.Equal(Sorted(fresh, text), Sorted(layered, text));
                }
            }
        }, iter: 400);

    [Fact]
    public void A_replaced_brand_matches_only_its_new_terms_and_a_deleted_one_nothing()
    {
        var layered = new LayeredBrandMatcher(new BrandMatcher([Brands.WithKeywords("a", "zorblat"), Brands.WithKeywords("b", "quibber")]));

        layered = layered.With([Brands.WithKeywords("a", "flumox")], ["b"]);

        Assert.Empty(Match(layered, "zorblat quibber"));
        Assert.Equal(["a"], Match(layered, "flumox"));
        Assert.Equal(2, layered.ChangeCount);
    }

    [Fact]
    public void An_invalid_put_masks_the_brand_it_replaces_and_says_why()
    {
        var layered = new LayeredBrandMatcher(new BrandMatcher([Brands.WithKeywords("a", "zorblat")]));

        layered = layered.With([new BrandQuery("a", ["zorblat"], [], [], "NOT pie")], []);

        Assert.Empty(Match(layered, "zorblat"));
        Assert.Contains("none of its terms", layered.OverlaySkipped["a"], StringComparison.Ordinal);
    }

    private static List<string> Sorted(BrandMatcher matcher, string text)
    {
        var matched = new List<string>();
        matcher.Match(text, author: null, matched);
        matched.Sort(StringComparer.Ordinal);
        return matched;
    }

    private static List<string> Sorted(LayeredBrandMatcher matcher, string text)
    {
        var matched = Match(matcher, text);
        matched.Sort(StringComparer.Ordinal);
        return matched;
    }

    private static List<string> Match(LayeredBrandMatcher matcher, string text)
    {
        var matched = new List<string>();
        matcher.Match(text, author: null, matched);
        return matched;
    }
}
