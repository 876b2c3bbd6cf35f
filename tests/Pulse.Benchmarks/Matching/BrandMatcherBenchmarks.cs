using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Matching;

namespace Pulse.Benchmarks.Matching;

/// <summary>
/// Matching one ~100-character post against 1 000 and 100 000 brands at once (keywords, some phrases and prefixes, hashtags,
/// handles, a few with boolean queries and exclusions). Times are per post (OperationsPerInvoke), so posts/s = 1 / time.
/// Brands and posts are generated deterministically; about one post in five names a brand, as in a real firehose
/// where most posts match nothing.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class BrandMatcherBenchmarks
{
    private const int PostCount = 100;

    private static readonly string[] Fillers =
    [
        "just", "got", "the", "new", "phone", "and", "battery", "life", "is", "amazing", "today", "order",
        "still", "hasn't", "arrived", "third", "time", "this", "month", "not", "impressed", "update", "broke",
        "app", "again", "keeps", "crashing", "when", "open", "camera", "seriously", "delivery", "took", "forever",
        "support", "slow", "store", "berlin", "friendly", "staff", "coffee", "heute", "laden", "gewesen", "super",
        "beratung", "lieferung", "wochen", "gedauert", "qualität", "gefällt", "mir", "nicht", "weather", "train",
    ];

    private readonly List<string> _matched = new(capacity: 16);
    private BrandMatcher _matcher = null!;
    private string[] _posts = null!;
    private string?[] _authors = null!;

    /// <summary>A match costs what the post hits, not what the matcher holds: the two should be close.</summary>
    [Params(1_000, 100_000)]
    public int BrandCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var brands = new List<BrandQuery>(BrandCount);
        for (int b = 0; b < BrandCount; b++)
        {
            string name = BrandName(b);
            var keywords = new List<string> { name, name + "corp" };
            if (b % 5 == 0)
            {
                keywords.Add(name + " cloud"); // phrase
            }

            if (b % 7 == 0)
            {
                keywords.Add(name + "pay*"); // prefix
            }

            string? query = b % 20 == 0 ? $"{name}phone AND (battery OR camera)" : null;
            IReadOnlyList<string>? exclude = b % 10 == 0 ? [name + " pie"] : null;
            brands.Add(new BrandQuery($"brand-{b}", keywords, ["#" + name, name + "love"], ["@" + name, name + "_help"], query, exclude));
        }

        _matcher = new BrandMatcher(brands);

        var random = new Random(42);
        _posts = new string[PostCount];
        _authors = new string?[PostCount];
        for (int p = 0; p < PostCount; p++)
        {
            _posts[p] = Post(random, p % 5 == 0 ? BrandName(random.Next(BrandCount)) : null);
            _authors[p] = p % 3 == 0 ? null : "user" + random.Next(10_000);
        }

        // The mix is the point: check that the planted fifth matches and the rest does not.
        int matchingPosts = 0;
        for (int p = 0; p < PostCount; p++)
        {
            _matched.Clear();
            _matcher.Match(_posts[p], _authors[p], _matched);
            matchingPosts += _matched.Count > 0 ? 1 : 0;
        }

        if (matchingPosts != PostCount / 5)
        {
            throw new InvalidOperationException($"{matchingPosts} of {PostCount} posts match; the benchmark expects {PostCount / 5}.");
        }
    }

    [Benchmark(Description = "Match one post (~100 chars)", OperationsPerInvoke = PostCount)]
    public int MatchPosts()
    {
        int matches = 0;
        for (int p = 0; p < _posts.Length; p++)
        {
            _matched.Clear();
            _matcher.Match(_posts[p], _authors[p], _matched);
            matches += _matched.Count;
        }

        return matches;
    }

    /// <summary>Pronounceable, distinct, and unlike the filler words, so only the planted mentions match.</summary>
    private static string BrandName(int b)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        return string.Create(6, b, static (span, n) =>
        {
            for (int i = 0; i < span.Length; i += 2)
            {
                span[i] = consonants[n % consonants.Length];
                n /= consonants.Length;
                span[i + 1] = vowels[n % vowels.Length];
                n /= vowels.Length;
            }
        });
    }

    private static string Post(Random random, string? brand)
    {
        var words = new List<string>();
        int length = 0;
        int brandAt = brand is null ? -1 : random.Next(8);
        while (length < 100)
        {
            string word = words.Count == brandAt
                ? (random.Next(3) switch { 0 => brand!, 1 => "#" + brand, _ => "@" + brand })
                : Fillers[random.Next(Fillers.Length)];
            words.Add(word);
            length += word.Length + 1;
        }

        return string.Join(' ', words) + (random.Next(2) == 0 ? "!!" : " https://t.co/x1");
    }
}
