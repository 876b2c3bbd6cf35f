using System.Text;
using Npgsql;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Search;
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
