using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Language;
using Pulse.Analytics.TextSearch;
using Pulse.Benchmarks.Sentiment;

namespace Pulse.Benchmarks.TextSearch;

/// <summary>
/// The archive's text search in .NET, on the sentiment benchmark's 16 posts (~100 characters, 13–20 words, 15.6 on
/// average, English and German, each analysed in its detected language). Times are per post (OperationsPerInvoke).
/// Analysing with a warm cache is what ingest pays per mention; with no cache every word is stemmed, the price of words
/// not seen before.
/// Checking is one stored mention against a query bound to the batch's term dictionary, as search verifies a batch.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class SearchAnalyzerBenchmarks
{
    private const string Query = "update -refund or \"lieferung\" or app crashing";

    private static readonly string[] Posts = SentimentScorerBenchmarks.Posts;

    private readonly SearchAnalyzer _analyzer = new();
    private readonly SearchAnalyzer _uncached = new(cacheCapacity: 0);
    private readonly List<SearchToken> _tokens = new(capacity: 64);
    private string[] _langs = null!;
    private TermAt[][] _stored = null!;
    private BoundSearchQuery[] _bound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _langs = [.. Posts.Select(post => LanguageDetector.Detect(post))];

        // One batch of the 16 posts: its term dictionary, each post's tokens as ids, the query bound once per language.
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        _stored = new TermAt[Posts.Length][];
        for (int p = 0; p < Posts.Length; p++)
        {
            _tokens.Clear();
            _analyzer.Analyze(Posts[p], _langs[p], _tokens);
            _stored[p] = [.. _tokens.Select(t => new TermAt(t.Position, Id(t.Term)))];
        }

        var query = SearchQuery.Parse(Query);
        _bound = [.. _langs.Select(lang => query.Compile(lang, _analyzer).Bind(term => dictionary.GetValueOrDefault(term, -1)))];
        int matching = Enumerable.Range(0, Posts.Length).Count(p => _bound[p].Matches(_stored[p]));
        if (matching is 0 or 16)
        {
            throw new InvalidOperationException($"{matching} of 16 posts match '{Query}'; the benchmark wants some of each.");
        }

        int Id(string term)
        {
            if (!dictionary.TryGetValue(term, out int id))
            {
                dictionary.Add(term, id = dictionary.Count);
            }

            return id;
        }
    }

    [Benchmark(Description = "Analyze one post (warm cache)", OperationsPerInvoke = 16)]
    public int Analyze() => AnalyzeAll(_analyzer);

    [Benchmark(Description = "Analyze one post (no cache: every word stemmed)", OperationsPerInvoke = 16)]
    public int AnalyzeUncached() => AnalyzeAll(_uncached);

    [Benchmark(Description = "Check one stored mention against a bound query", OperationsPerInvoke = 16)]
    public int Check()
    {
        int matched = 0;
        for (int p = 0; p < Posts.Length; p++)
        {
            matched += _bound[p].Matches(_stored[p]) ? 1 : 0;
        }

        return matched;
    }

    [Benchmark(Description = "Parse and compile a query")]
    public int Compile() => SearchQuery.Parse(Query).Compile(Languages.German, _analyzer).RequiredTermSets.Count;

    private int AnalyzeAll(SearchAnalyzer analyzer)
    {
        int count = 0;
        for (int p = 0; p < Posts.Length; p++)
        {
            _tokens.Clear();
            analyzer.Analyze(Posts[p], _langs[p], _tokens);
            count += _tokens.Count;
        }

        return count;
    }
}
