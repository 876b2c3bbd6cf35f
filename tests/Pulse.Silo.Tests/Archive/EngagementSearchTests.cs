using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Batches;
using Pulse.Silo.Archive.Search;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// Most engaged first with words over a real PostgreSQL archive: the engagement tiers' floors give exactly the pages a
/// brute-force ordering of every written mention gives, read far fewer batches than hold the words, and batches written
/// before tiers (an upgraded table) are still found.
/// </summary>
[Trait("Category", "Slow")]
public sealed class EngagementSearchTests(TieredArchive archive, ITestOutputHelper output) : IClassFixture<TieredArchive>
{
    private static readonly string[] Words =
    [
        "service", "Störung", "Stoerung", "STÖRUNG", "Storung", "Lieferung", "refund", "\"bad service\"", "service -refund", "refund or Störung",
        "Störung -Lieferung", "fill0", "fill3", "fill150", "-service",
    ];

    private static readonly string[]?[] Scopes = [["dense"], ["spread"], ["dense", "spread"], null];

    [Fact]
    public async Task Most_engaged_first_with_words_pages_exactly_as_a_brute_force_ordering_of_every_written_mention()
    {
        var search = new MentionSearch(archive.Database, archive.Analyzer, TimeProvider.System);
        foreach (var words in Words)
        {
            foreach (var brands in Scopes)
            {
                await AssertPagesAsync(search, archive.Written, Query(brands, words, limit: 20), pages: 3);
            }
        }

        await AssertPagesAsync(search, archive.Written, Query(null, "service", limit: 50), pages: 3);
        await AssertPagesAsync(search, archive.Written, Query(["dense"], "Störung", limit: 200), pages: 2);
        await AssertPagesAsync(search, archive.Written, Query(["spread"], "service", limit: 20) with { Channel = "reddit" }, pages: 2);
        await AssertPagesAsync(search, archive.Written, Query(["dense"], "service", limit: 20) with { Label = SentimentLabel.Negative }, pages: 2);
        await AssertPagesAsync(search, archive.Written, Query(["spread"], "Lieferung", limit: 20) with { Lang = "de" }, pages: 2);
    }

    [Fact]
    public async Task Most_engaged_first_with_words_reads_only_the_batches_of_the_tier_that_fills_the_page()
    {
        // Every batch of "spread" has a viral post without the words, so its top engagement says nothing: without tiers
        // the search reads every batch with the words.
        var search = new MentionSearch(archive.Database, archive.Analyzer, TimeProvider.System);
        var query = Query(["spread"], "service", limit: 20);
        await AssertPagesAsync(search, archive.Written, query, pages: 1);

        var holding = await archive.BatchesHoldingAsync(archive.Database, "spread", "service");
        output.WriteLine($"read {search.BatchesRead} of the {holding} batches holding the word");
        Assert.True(holding >= 500, $"{holding} batches hold the word");
        Assert.True(search.BatchesRead * 5 < holding, $"read {search.BatchesRead} of the {holding} batches holding the word");
    }

    [Fact]
    public async Task Batches_written_before_tiers_are_found_all_the_same_once_the_table_is_upgraded()
    {
        var written = archive.Written;
        var middle = written[0].Scored.Mention.Timestamp + ((written[^1].Scored.Mention.Timestamp - written[0].Scored.Mention.Timestamp) / 2);
        await using var database = await archive.NewDatabaseAsync("upgraded");
        await TierCorpus.WriteAsync(database, archive.Analyzer, written.TakeWhile(w => w.Scored.Mention.Timestamp < middle));

        // As an earlier version left it: no tier terms, another schema fingerprint.
        await archive.ExecuteAsync("upgraded", $"""
            ALTER TABLE {ArchiveSchema.Batches} DROP COLUMN tiers;
            UPDATE pulse_schema SET fingerprint = 'earlier';
            """);

        await using var upgraded = archive.Open("upgraded");
        await TierCorpus.WriteAsync(upgraded, archive.Analyzer, written.SkipWhile(w => w.Scored.Mention.Timestamp < middle));
        await using (var connection = await upgraded.OpenAsync(CancellationToken.None))
        await using (var counts = new NpgsqlCommand(
            $"SELECT count(*) FILTER (WHERE tiers IS NOT NULL), count(*) FILTER (WHERE tiers IS NULL) FROM {ArchiveSchema.Batches}",
            connection))
        await using (var reader = await counts.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            output.WriteLine($"{reader.GetInt64(0)} batches with tiers, {reader.GetInt64(1)} without");
            Assert.True(reader.GetInt64(0) > 100 && reader.GetInt64(1) > 100);
        }

        var search = new MentionSearch(upgraded, archive.Analyzer, TimeProvider.System);
        foreach (var words in (string[])["service", "Störung", "Storung", "service -refund", "refund or Störung", "fill3"])
        {
            foreach (var brands in Scopes)
            {
                await AssertPagesAsync(search, written, Query(brands, words, limit: 20), pages: 2);
            }
        }

        // The untiered half is read as before the tiers: every batch of it with the word.
        var before = search.BatchesRead;
        await AssertPagesAsync(search, written, Query(["spread"], "service", limit: 20), pages: 1);
        var untiered = await archive.BatchesHoldingAsync(upgraded, "spread", "service", "tiers IS NULL");
        output.WriteLine($"read {search.BatchesRead - before}; {untiered} batches without tiers hold the word");
        Assert.True(search.BatchesRead - before >= untiered);
    }

    [Fact]
    public async Task A_tier_floor_finds_its_batches_through_the_tier_index_and_the_untiered_ones_through_their_own()
    {
        await using var connection = await archive.ConnectAsync("tiers");
        await using (var set = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        var query = Query(["spread"], "Störung", limit: 20);
        await using var command = BatchCandidates.Command(
            query, TextMatch.Of(query.Text!, null, archive.Analyzer), floor: null, tier: 3, after: null, connection);
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        output.WriteLine(plan.ToString());
        Assert.Contains($"Bitmap Index Scan on {ArchiveSchema.Batches}_brand_tiers", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Index Scan on {ArchiveSchema.Batches}_untiered", plan.ToString(), StringComparison.Ordinal);
    }

    private static MentionSearchQuery Query(string[]? brands, string words, int limit) =>
        new(brands, words, null, null, null, null, null, MentionSearchSort.Engagement, null, limit);

    /// <summary>Pages through <paramref name="query"/> and compares every page with the brute-force ordering.</summary>
    private static async Task AssertPagesAsync(MentionSearch search, IReadOnlyList<TierCorpus.Written> written, MentionSearchQuery query, int pages)
    {
        var expected = TierCorpus.Expected(written, query).ToList();
        var what = $"{query.Text} in {(query.Brands is null ? "every brand" : string.Join('+', query.Brands))} (limit {query.Limit}, {query.Channel}{query.Label}{query.Lang})";
        SearchCursor? cursor = null;
        for (var page = 0; page < pages; page++)
        {
            var found = await search.SearchAsync(query with { After = cursor }, CancellationToken.None);
            var want = expected.Skip(page * query.Limit).Take(query.Limit).Select(w => $"{w.Scored.BrandId}/{w.Scored.Mention.Id}:{w.Engagement}");
            var got = found.Items.Select(i => $"{i.BrandId}/{i.Id}:{i.Likes + i.Shares + i.Comments}");
            Assert.Equal($"{what} page {page + 1}: {string.Join(' ', want)}", $"{what} page {page + 1}: {string.Join(' ', got)}");
            Assert.Equal(expected.Count > (page + 1) * query.Limit, found.Next is not null);
            if (found.Next is null)
            {
                return;
            }

            cursor = SearchCursor.TryDecode(found.Next);
        }
    }
}

/// <summary>
/// Synthetic mentions with heavy-tailed engagement written through the archive's own write: "dense" with hundreds of
/// mentions a batch, "spread" with hundreds of batches of 25 each holding one viral post without any searched word,
/// "sparse" with a few a batch; ties at the tiers' floors and just below, times to the minute, and some mentions under
/// two brands. Every mention's terms are kept from the analyzer itself, for a brute-force answer to any search.
/// </summary>
internal static class TierCorpus
{
    public sealed record Written(ScoredMention Scored, List<SearchToken> Tokens)
    {
        public long Engagement => Scored.Mention.Likes + Scored.Mention.Shares + Scored.Mention.Comments;

        public SearchKey Key => new(Engagement, Scored.Mention.Timestamp.UtcTicks, Scored.Mention.Id, Scored.BrandId);
    }

    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] German =
        ["Die Störung bei uns dauert", "Stoerung gemeldet", "Storung schon wieder", "Lieferung kam pünktlich", "Rückerstattung beantragt", "Der Kundenservice ist gut"];

    private static readonly string[] English =
        ["bad service again", "great service today", "refund requested", "delivery late again", "service outage, bad service", "the refund for the Störung"];

    /// <summary>Every mention, in time order.</summary>
    public static List<Written> Mentions(SearchAnalyzer analyzer)
    {
        var random = new Random(16);
        var mentions = new List<ScoredMention>();
        var next = 0;
        for (var hour = 0; hour < 600; hour++)
        {
            var at = Start.AddHours(hour);
            if (hour < 60)
            {
                Add("dense", at, 400);
            }

            Add("spread", at, 25);
            mentions.Add(Decoy("spread", at, hour));
            Add("sparse", at, 2);
        }

        return [.. mentions.OrderBy(m => m.Mention.Timestamp).Select(m => new Written(m, Analyze(analyzer, m)))];

        void Add(string brand, DateTime hour, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var mention = Next(random, $"m{next++}", hour.AddMinutes(random.Next(60)));
                var label = (SentimentLabel)random.Next(3);
                mentions.Add(new ScoredMention(mention, brand, 0, label, mention.Lang!));
                if (random.NextDouble() < 0.02)
                {
                    // Naming a second brand, it is archived under each, with the same id, time and engagement.
                    mentions.Add(new ScoredMention(mention, brand == "dense" ? "spread" : "dense", 0, label, mention.Lang!));
                }
            }
        }
    }

    private static Mention Next(Random random, string id, DateTime at)
    {
        var lang = random.NextDouble() switch { < 0.5 => "de", < 0.9 => "en", _ => "fr" };
        var text = new StringBuilder(random.NextDouble() < 0.5 == (lang == "de") ? German[random.Next(German.Length)] : English[random.Next(English.Length)]);
        for (var w = random.Next(5); w > 0; w--)
        {
            text.Append(" fill").Append((int)(200 * Math.Pow(random.NextDouble(), 3)));
        }

        var engagement = random.NextDouble() switch
        {
            // At tiers' floors and just below them.
            < 0.01 => 32,
            < 0.015 => 31,
            < 0.025 => 100,
            < 0.03 => 99,
            < 0.035 => 316,
            < 0.04 => 1_000,
            < 0.045 => 999,
            // Pareto with tail index 1.2, as the demo's likes.
            _ => (long)Math.Min(50_000, Math.Floor(3 * Math.Pow(1 - random.NextDouble(), -1 / 1.2)) - 2),
        };
        var shares = engagement / 4;
        var comments = engagement / 10;
        var channel = random.NextDouble() < 0.7 ? "x" : "reddit";
        return new Mention(id, channel, text.ToString(), new DateTimeOffset(at), Lang: lang, Likes: engagement - shares - comments, Shares: shares, Comments: comments);
    }

    private static ScoredMention Decoy(string brand, DateTime hour, int n) =>
        new(new Mention($"viral{n}", "x", "Wetterbericht: sonnig und warm", new DateTimeOffset(hour.AddMinutes(30)), Lang: "de", Likes: 1_000_000 + n),
            brand, 0, SentimentLabel.Positive, "de");

    private static List<SearchToken> Analyze(SearchAnalyzer analyzer, ScoredMention scored)
    {
        var tokens = new List<SearchToken>();
        analyzer.Analyze(scored.Mention.Text, scored.Language, tokens);
        return tokens;
    }

    /// <summary>Writes <paramref name="mentions"/> through the archive's own write, 5 000 at a time, as a live archive does.</summary>
    public static async Task WriteAsync(ArchiveDatabase database, SearchAnalyzer analyzer, IEnumerable<Written> mentions)
    {
        var write = new BatchWrite(analyzer);
        foreach (var chunk in mentions.Select(w => w.Scored).Chunk(5_000))
        {
            await write.WriteAsync(database, [(chunk, null)], CancellationToken.None);
        }
    }

    /// <summary>Every written mention <paramref name="query"/> finds, best first: its words checked on each mention's own terms.</summary>
    public static IEnumerable<Written> Expected(IReadOnlyList<Written> written, MentionSearchQuery query)
    {
        var analyzer = new SearchAnalyzer();
        var parsed = SearchQuery.Parse(query.Text!);
        var german = parsed.Compile("de", analyzer);
        var english = parsed.Compile("en", analyzer);
        var other = parsed.Compile(null, analyzer);
        var after = query.After is { } cursor ? SearchKey.Of(cursor) : (SearchKey?)null;
        var found = written.Where(w =>
                (query.Brands is null || query.Brands.Contains(w.Scored.BrandId))
                && (query.Channel is null || w.Scored.Mention.Channel == query.Channel)
                && (query.Label is null || w.Scored.Label == query.Label)
                && (query.Lang is null || w.Scored.Language == query.Lang)
                && (w.Scored.Language switch { "de" => german, "en" => english, _ => other }).Matches(w.Tokens)
                && (after is null || SearchKey.Rank(query.Sort, w.Key, after.Value) < 0))
            .ToList();
        found.Sort((a, b) => SearchKey.Rank(query.Sort, b.Key, a.Key));
        return found;
    }
}

/// <summary>A PostgreSQL server with <see cref="TierCorpus"/> written into database <c>tiers</c>; other databases on demand.</summary>
public sealed class TieredArchive : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public SearchAnalyzer Analyzer { get; } = new();

    internal ArchiveDatabase Database { get; private set; } = null!;

    internal IReadOnlyList<TierCorpus.Written> Written { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartNewAsync();
        Database = await NewDatabaseAsync("tiers");
        Written = TierCorpus.Mentions(Analyzer);
        await TierCorpus.WriteAsync(Database, Analyzer, Written);
        await ExecuteAsync("tiers", $"VACUUM ANALYZE {ArchiveSchema.Batches}");
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    internal async Task<ArchiveDatabase> NewDatabaseAsync(string name)
    {
        await ExecuteAsync("pulse", $"CREATE DATABASE {name}");
        return Open(name);
    }

    internal ArchiveDatabase Open(string name) => new(NpgsqlDataSource.Create(_postgres.ConnectionString(name)));

    /// <summary>A connection of its own (unpooled), for settings that must not leak into the searches' pool.</summary>
    internal async Task<NpgsqlConnection> ConnectAsync(string database)
    {
        var connection = new NpgsqlConnection(_postgres.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    internal async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await ConnectAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many of <paramref name="brand"/>'s batches hold one of the term sets <paramref name="words"/> needs.</summary>
    internal async Task<long> BatchesHoldingAsync(ArchiveDatabase database, string brand, string words, string condition = "TRUE")
    {
        var sets = TextMatch.Of(words, null, Analyzer).CandidateSets;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {ArchiveSchema.Batches} WHERE brand_id = @brand AND {condition} AND ({string.Join(" OR ", sets.Select((_, i) => $"terms @> @s{i}"))})",
            connection);
        command.Parameters.AddWithValue("brand", brand);
        for (var i = 0; i < sets.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"s{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sets[i] });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
