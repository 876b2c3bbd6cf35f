using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>Correctness with thousands of brands sharing one index (no timing assertions).</summary>
public class BrandMatcherScaleTests
{
    private const int BrandCount = 2000;

    private enum Route
    {
        Keyword,
        Phrase,
        Hashtag,
        Handle,
        Prefix,
        Query,
    }

    // Brand i is named by any of these; "x" ends each number so no brand's term is a prefix of another's.
    private static BrandQuery Brand(int i) => new(
        $"brand-{i}",
        [$"marke{i}x", $"firma {i}x gmbh", $"vorsilbe{i}x*"],
        [$"#tag{i}x"],
        [$"handle{i}x"],
        Query: $"(query{i}x OR anfrage{i}x) -nein{i}x",
        Exclude: [$"veto{i}x"]);

    private static string Naming(int i, Route route) => route switch
    {
        Route.Keyword => $"MARKE{i}X",
        Route.Phrase => $"Firma {i}x GmbH",
        Route.Hashtag => $"#Tag{i}x",
        Route.Handle => $"@Handle{i}x",
        Route.Prefix => $"vorsilbe{i}xendung",
        _ => $"anfrage{i}x",
    };

    [Fact]
    public void Two_thousand_brands_match_exactly_the_brands_each_text_names()
    {
        var matcher = new BrandMatcher(Enumerable.Range(0, BrandCount).Select(Brand));
        var random = new Random(20_240_917);
        Assert.Equal(BrandCount, matcher.BrandCount);

        for (int round = 0; round < 500; round++)
        {
            var fragments = new List<string>();
            var routes = new Dictionary<int, HashSet<Route>>();
            for (int n = random.Next(0, 6); n > 0; n--)
            {
                int i = random.Next(BrandCount);
                var route = (Route)random.Next(6);
                fragments.Add(Naming(i, route));
                (routes.TryGetValue(i, out var set) ? set : routes[i] = []).Add(route);
            }

            // Near misses that must not match: a compound around a keyword, phrase words apart, a hashtag without '#'.
            int other = random.Next(BrandCount);
            fragments.Add($"automarke{other}x");
            fragments.Add($"firma {other}x und gmbh");
            fragments.Add($"tag{other}x");

            var vetoed = new HashSet<int>();
            var queryVetoed = new HashSet<int>();
            if (routes.Count > 0 && random.Next(2) == 0)
            {
                int target = routes.Keys.First();
                if (random.Next(2) == 0)
                {
                    fragments.Add($"veto{target}x");
                    vetoed.Add(target);
                }
                else
                {
                    fragments.Add($"nein{target}x");
                    queryVetoed.Add(target);
                }
            }

            Shuffle(fragments, random);
            var expected = routes
                .Where(pair => !vetoed.Contains(pair.Key))
                .Where(pair => !queryVetoed.Contains(pair.Key) || pair.Value.Any(route => route != Route.Query))
                .Select(pair => $"brand-{pair.Key}")
                .Order(StringComparer.Ordinal);

            List<string> actual = matcher.Match(string.Join(" ", fragments));

            Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
            Assert.Equal(actual.Count, actual.Distinct().Count());
        }
    }

    private static void Shuffle(List<string> fragments, Random random)
    {
        for (int k = fragments.Count - 1; k > 0; k--)
        {
            int j = random.Next(k + 1);
            (fragments[k], fragments[j]) = (fragments[j], fragments[k]);
        }
    }
}
