using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Pulse.Analytics.Sentiment;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Batches;
using Pulse.Silo.Archive.Search;
using Pulse.Load;
using Pulse.Synthetic;

namespace Pulse.Benchmarks.Archive;

/// <summary>
/// `archive-search --connection CS [--rows 10000000] [--brands 1000] [--queries 600] [--skip-load]`: fills an archive
/// with synthetic mentions over 90 days, then times searches as the API runs them (<see cref="MentionSearch"/>, pooled
/// connections, warm cache), by kind. Texts are the demo's templates plus words drawn from a Zipf vocabulary, so word
/// frequencies span very common to rare as in real posts; brands are Zipf too, so the largest brand holds about an
/// eighth of all rows and is searched most.
/// </summary>
internal static class ArchiveSearchRun
{
    private const int Vocabulary = 20_000;
    private static readonly DateTime Now = DateTime.UtcNow;

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--connection");
        if (at < 0 || at + 1 >= args.Length)
        {
            Console.Error.WriteLine("archive-search --connection \"Host=...;Database=...;Username=...;Password=...\" [--rows N] [--brands N] [--queries N] [--skip-load]");
            return 2;
        }

        var connection = args[at + 1];
        var rows = BenchmarkArgs.Option(args, "--rows", 10_000_000);
        var brands = BenchmarkArgs.Option(args, "--brands", 1_000);
        var queries = BenchmarkArgs.Option(args, "--queries", 600);
        var words = Words();
        var brandZipf = new ZipfPopularity(brands);
        var wordZipf = new ZipfPopularity(Vocabulary);
        if (!args.Contains("--skip-load"))
        {
            await LoadAsync(connection, rows, brandZipf, wordZipf, words);
        }

        await using var database = new ArchiveDatabase(NpgsqlDataSource.Create(connection));
        var search = new MentionSearch(database, new Pulse.Analytics.TextSearch.SearchAnalyzer(), TimeProvider.System);
        var random = new DemoRandom(7);
        var times = new Dictionary<string, List<double>>();
        var batches = new Dictionary<string, long>();
        for (var i = -50; i < queries; i++)
        {
            var (kind, query, secondPage) = NextQuery(ref random, brandZipf, wordZipf, words);
            var read = search.BatchesRead;
            var clock = Stopwatch.StartNew();
            var page = await search.SearchAsync(query, CancellationToken.None);
            if (secondPage && page.Next is not null)
            {
                clock.Restart();
                read = search.BatchesRead;
                await search.SearchAsync(query with { After = SearchCursor.TryDecode(page.Next) }, CancellationToken.None);
            }

            var ms = clock.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                (times.TryGetValue(kind, out var list) ? list : times[kind] = []).Add(ms);
                (times.TryGetValue("all", out var all) ? all : times["all"] = []).Add(ms);
                foreach (var counted in (string[])[kind, "all"])
                {
                    batches[counted] = batches.GetValueOrDefault(counted) + search.BatchesRead - read;
                }
            }
        }

        // Batches: bodies decoded per timed search (a second page's alone), the work the search's bounds are there to avoid.
        Console.WriteLine($"{"kind",-12} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"batches",8}");
        foreach (var (kind, list) in times.OrderBy(t => t.Key == "all").ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-12} {list.Count,5} {Pct(list, 0.50),8:0.0} {Pct(list, 0.95),8:0.0} {Pct(list, 0.99),8:0.0} {list[^1],8:0.0} {batches[kind] / (double)list.Count,8:0}"));
        }

        return 0;
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The query mix: words common (template), by Zipf rank, rare; phrases, NOT, no words; sorts, ranges, second pages, every brand.</summary>
    private static (string Kind, MentionSearchQuery Query, bool SecondPage) NextQuery(ref DemoRandom random, ZipfPopularity brands, ZipfPopularity vocabulary, string[] words)
    {
        var brand = new[] { $"brand{brands.Rank(random.NextDouble())}" };
        var topic = words[vocabulary.Rank(random.NextDouble())];
        var basic = new MentionSearchQuery(brand, topic, null, null, null, null, null, MentionSearchSort.Time, null, 50);
        return random.Next(10) switch
        {
            0 => ("common", basic with { Text = random.Pick(CommonWords) }, false),
            1 => ("topic", basic, false),
            2 => ("rare", basic with { Text = words[5_000 + random.Next(Vocabulary - 5_000)] }, false),
            3 => ("phrase", basic with { Text = random.Pick(Phrases) }, false),
            4 => ("not", basic with { Text = $"{topic} -{random.Pick(CommonWords)}" }, false),
            5 => ("browse", basic with { Text = null, Label = random.Chance(0.5) ? SentimentLabel.Negative : null }, false),
            6 => ("engagement", basic with { Sort = MentionSearchSort.Engagement }, false),
            7 => ("page2", basic with { Text = random.Chance(0.5) ? random.Pick(CommonWords) : topic }, true),
            8 => ("week", basic with { From = Now.AddDays(-7) }, false),
            _ => ("all-brands", basic with { Brands = null }, false),
        };
    }

    private static readonly string[] CommonWords = ["service", "customers", "Lieferung", "Kunden", "problem", "great", "Produkt", "experience"];
    private static readonly string[] Phrases = ["\"customer service\"", "\"five stars\"", "\"klare Empfehlung\"", "\"waste of money\"", "\"jeden Cent\""];

    /// <summary>Pronounceable pseudo-words, distinct, in a fixed order: rank 0 is the most frequent.</summary>
    private static string[] Words()
    {
        string[] onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kl", "st", "tr", "sch", "pf"];
        string[] vowels = ["a", "e", "i", "o", "u", "ei", "au", "ä", "ö", "ü"];
        var random = new DemoRandom(11);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < Vocabulary)
        {
            var word = new StringBuilder();
            for (var s = 2 + random.Next(2); s > 0; s--)
            {
                word.Append(random.Pick(onsets)).Append(random.Pick(vowels));
            }

            set.Add(word.Append(random.Pick(onsets)).ToString());
        }

        return [.. set];
    }

    private static async Task LoadAsync(string connectionString, int rows, ZipfPopularity brands, ZipfPopularity vocabulary, string[] words)
    {
        var clock = Stopwatch.StartNew();
        await using (var database = new ArchiveDatabase(NpgsqlDataSource.Create(connectionString)))
        {
            await database.EnsureSchemaAsync(CancellationToken.None);
        }

        // Through the archive's own writer with every index in place, as a running archive fills: the load's rate is
        // the write path's as the table grows.
        await ExecuteAsync(connectionString, $"TRUNCATE {ArchiveSchema.Batches}, {ArchiveSchema.HourlyRollup}, {ArchiveSchema.DailyRollup}");
        const int Loaders = 2;
        await Task.WhenAll(Enumerable.Range(0, Loaders).Select(part => Task.Run(() => CopyAsync(connectionString, part, Loaders, rows, brands, vocabulary, words))));
        Console.WriteLine($"wrote {rows:N0} mentions in {clock.Elapsed.TotalSeconds:0} s ({rows / clock.Elapsed.TotalSeconds:N0}/s)");
        clock.Restart();
        await ExecuteAsync(connectionString, $"VACUUM ANALYZE {ArchiveSchema.Batches}");
        Console.WriteLine($"vacuumed and analysed in {clock.Elapsed.TotalSeconds:0} s");
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var size = data.CreateCommand(
            $"SELECT pg_size_pretty(pg_table_size('{ArchiveSchema.Batches}')), pg_size_pretty(pg_indexes_size('{ArchiveSchema.Batches}')), (SELECT count(*) FROM {ArchiveSchema.Batches})");
        await using var reader = await size.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"table {reader.GetString(0)}, indexes {reader.GetString(1)}, {reader.GetInt64(2):N0} batches");
    }

    /// <summary>
    /// Writes its share of the mentions through the archive's own write (<see cref="BatchWrite"/>, a write of
    /// <see cref="ArchiveOptions.BatchSize"/> at a time, rollups included). Mentions come in time order over the 90 days,
    /// as live ingest brings them, and 2 % of them late, by up to 6 hours (a feed polled late).
    /// </summary>
    private static async Task CopyAsync(string connectionString, int part, int parts, int rows, ZipfPopularity brands, ZipfPopularity vocabulary, string[] words)
    {
        await using var database = new ArchiveDatabase(NpgsqlDataSource.Create(connectionString + ";Command Timeout=0"));
        var write = new BatchWrite(new Pulse.Analytics.TextSearch.SearchAnalyzer());
        var random = new DemoRandom((ulong)(1000 + part));
        var text = new StringBuilder();
        var batch = new List<Pulse.Grains.Mentions.ScoredMention>(new ArchiveOptions().BatchSize);
        var start = Now.AddDays(-90);
        var step = TimeSpan.FromDays(90) / rows;
        var clock = Stopwatch.StartNew();
        var batches = 0;
        for (var n = part; n < rows; n += parts)
        {
            var brand = brands.Rank(random.NextDouble());
            var channel = random.Pick(DemoChannel.All);
            var language = random.Chance(0.6) ? DemoLanguages.German : DemoLanguages.English;
            var tone = random.NextDouble() switch { < 0.35 => DemoTone.Positive, < 0.8 => DemoTone.Neutral, _ => DemoTone.Negative };
            text.Clear().Append(random.Pick(DemoTemplates.Regular(language, channel.Style, tone)))
                .Replace("{brand}", $"Brand{brand}").Replace("{product}", words[brand % 500]);
            for (var w = random.Next(8); w > 0; w--)
            {
                text.Append(' ').Append(words[vocabulary.Rank(random.NextDouble())]);
            }

            var engagement = DemoEngagement.Sample(ref random, channel);
            var mention = new Pulse.Grains.Mentions.Mention(
                $"m{n}", channel.Name, text.ToString(), start + (step * n) - (random.Chance(0.02) ? TimeSpan.FromHours(6 * random.NextDouble()) : TimeSpan.Zero),
                DemoAuthors.Sample(ref random, language, channel),
                language, null, engagement.Likes, engagement.Shares, engagement.Comments, engagement.Reach);
            var (score, label) = tone switch { DemoTone.Positive => (0.6f, SentimentLabel.Positive), DemoTone.Negative => (-0.6f, SentimentLabel.Negative), _ => (0f, SentimentLabel.Neutral) };
            batch.Add(new Pulse.Grains.Mentions.ScoredMention(mention, $"brand{brand}", score, label, language));
            if (batch.Count == batch.Capacity)
            {
                await write.WriteAsync(database, [(batch, null)], CancellationToken.None);
                batch.Clear();
                if (part == 0 && ++batches % 10 == 0)
                {
                    Console.WriteLine($"  {n:N0} rows, {n / clock.Elapsed.TotalSeconds:N0}/s");
                }
            }
        }

        await write.WriteAsync(database, [(batch, null)], CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Command Timeout=0");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
