using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Pulse.Silo.Tests.Auth;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// <c>GET /api/mentions/search</c> over a real PostgreSQL archive: German and English words found through their stems
/// and umlaut spellings, phrases and NOT, filters, keyset pages, team scope, and bad input answered 400.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class MentionSearchTests(ArchiveHostFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task German_and_english_words_are_found_by_stem_and_by_any_umlaut_spelling()
    {
        await ArchiveAsync("srch-de", "zugfix",
            """{"id":"d1","channel":"x","lang":"de","text":"Die Störung bei Zugfix dauert schon zwei Stunden"}""",
            """{"id":"d2","channel":"x","lang":"de","text":"Zugfix: alle Lieferungen kommen pünktlich an"}""",
            """{"id":"d3","channel":"x","lang":"en","text":"Zugfix outages again, the app keeps crashing"}""",
            """{"id":"d4","channel":"x","lang":"en","text":"Zugfix is fine today"}""");

        foreach (var spelling in (string[])["Störung", "Stoerung", "STÖRUNG", "stoerungen", "Storung"])
        {
            Assert.Equal(["d1"], await IdsAsync($"brand=srch-de&q={Uri.EscapeDataString(spelling)}"));
        }

        Assert.Equal(["d2"], await IdsAsync("brand=srch-de&q=Lieferung"));
        Assert.Equal(["d2"], await IdsAsync("brand=srch-de&q=puenktlich"));
        Assert.Equal(["d3"], await IdsAsync("brand=srch-de&q=outage+crash"));
        Assert.Empty(await IdsAsync("brand=srch-de&q=outage+lieferung"));
    }

    [Fact]
    public async Task Phrases_or_and_not_follow_web_search_syntax()
    {
        await ArchiveAsync("srch-ph", "phrasio",
            """{"id":"p1","channel":"x","lang":"en","text":"phrasio has really bad service"}""",
            """{"id":"p2","channel":"x","lang":"en","text":"phrasio service is not bad at all"}""",
            """{"id":"p3","channel":"reddit","lang":"en","text":"phrasio refund requested after bad service"}""");

        Assert.Equal(["p1", "p3"], (await IdsAsync("brand=srch-ph&q=" + Uri.EscapeDataString("\"bad service\""))).Order());
        Assert.Equal(["p1", "p2"], (await IdsAsync("brand=srch-ph&q=" + Uri.EscapeDataString("service -refund"))).Order());
        Assert.Equal(["p2", "p3"], (await IdsAsync("brand=srch-ph&q=" + Uri.EscapeDataString("refund or \"phrasio service\""))).Order());
    }

    [Fact]
    public async Task Filters_narrow_by_time_channel_sentiment_and_language()
    {
        var now = DateTimeOffset.UtcNow;
        string At(TimeSpan ago) => (now - ago).ToString("O");
        await ArchiveAsync("srch-f", "filtro",
            $$"""{"id":"f1","channel":"x","lang":"en","text":"filtro is wonderful, I love it","timestamp":"{{At(TimeSpan.FromHours(3))}}"}""",
            $$"""{"id":"f2","channel":"reddit","lang":"en","text":"filtro is terrible and broken","timestamp":"{{At(TimeSpan.FromHours(2))}}"}""",
            $$"""{"id":"f3","channel":"x","lang":"de","text":"filtro ist schrecklich und kaputt","timestamp":"{{At(TimeSpan.FromHours(1))}}"}""");

        Assert.Equal(["f3", "f2", "f1"], await IdsAsync("brand=srch-f"));
        Assert.Equal(["f2", "f1"], await IdsAsync($"brand=srch-f&to={Uri.EscapeDataString(At(TimeSpan.FromMinutes(90)))}"));
        Assert.Equal(["f3", "f2"], await IdsAsync($"brand=srch-f&from={Uri.EscapeDataString(At(TimeSpan.FromMinutes(150)))}"));
        Assert.Equal(["f3", "f1"], await IdsAsync("brand=srch-f&channel=x"));
        Assert.Equal(["f3", "f2"], await IdsAsync("brand=srch-f&sentiment=negative"));
        Assert.Equal(["f3"], await IdsAsync("brand=srch-f&lang=de"));
    }

    [Fact]
    public async Task Pages_follow_their_cursor_without_repeating_or_skipping_in_either_order()
    {
        var stamp = DateTimeOffset.UtcNow.AddMinutes(-30).ToString("O");
        // Twelve share one instant, so the page boundaries fall inside equal times and equal engagement.
        var lines = Enumerable.Range(1, 25).Select(i =>
            $$"""{"id":"k{{i:00}}","channel":"x","text":"keysetto number {{i}}","likes":{{i % 4}}{{(i <= 12 ? $",\"timestamp\":\"{stamp}\"" : "")}}}""").ToArray();
        await ArchiveAsync("srch-k", "keysetto", lines);

        foreach (var sort in (string[])["time", "engagement"])
        {
            var seen = new List<JsonElement>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await SearchAsync($"brand=srch-k&limit=10&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}"));
                seen.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
                pages++;
            }
            while (cursor is not null);

            Assert.Equal(3, pages);
            Assert.Equal(25, seen.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
            if (sort == "engagement")
            {
                var likes = seen.Select(i => i.GetProperty("likes").GetInt64()).ToArray();
                Assert.Equal(likes.OrderDescending(), likes);
            }
            else
            {
                var times = seen.Select(i => i.GetProperty("timestamp").GetDateTimeOffset()).ToArray();
                Assert.Equal(times.OrderDescending(), times);
            }
        }
    }

    [Fact]
    public async Task Words_newest_first_widen_from_the_last_day_to_everything_and_miss_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        string Line(string id, TimeSpan ago) => $$"""{"id":"{{id}}","channel":"x","text":"widenix hochwasser {{id}}","timestamp":"{{(now - ago).ToString("O")}}"}""";
        await ArchiveAsync("srch-w", "widenix",
            Line("w1", TimeSpan.FromHours(2)), Line("w2", TimeSpan.FromDays(3)), Line("w3", TimeSpan.FromDays(20)), Line("w4", TimeSpan.FromDays(60)),
            """{"id":"w5","channel":"x","text":"widenix nothing else"}""");

        var first = await SearchAsync("brand=srch-w&q=hochwasser&limit=2");
        var second = await SearchAsync($"brand=srch-w&q=hochwasser&limit=2&cursor={first.GetProperty("next").GetString()}");

        Assert.Equal(["w1", "w2"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        Assert.Equal(["w3", "w4"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(["w1", "w2", "w3"], await IdsAsync("brand=srch-w&q=hochwasser&limit=3&from=" + Uri.EscapeDataString((now - TimeSpan.FromDays(30)).ToString("O"))));
    }

    [Fact]
    public async Task A_team_limited_caller_finds_only_its_own_brands()
    {
        await ArchiveAsync("srch-t1", "teamword", """{"id":"t1","channel":"x","text":"teamword one"}""");
        await ArchiveAsync("srch-t2", "teamwort", """{"id":"t2","channel":"x","text":"teamwort two"}""");
        var created = await Host.Http.PostAsJsonAsync("/api/keys", new { name = "search-team", role = "viewer", brands = new[] { "srch-t1" } });
        created.EnsureSuccessStatusCode();
        using var team = new HttpClient { BaseAddress = Host.BaseAddress };
        TestCaller.Authorize(team, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);

        var all = await team.GetFromJsonAsync<JsonElement>("/api/mentions/search?q=" + Uri.EscapeDataString("teamword or teamwort"));
        Assert.Equal(["t1"], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        await ProblemAssert.IsAsync(await team.GetAsync("/api/mentions/search?brand=srch-t2"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("q=%00drop", "q")]
    [InlineData("from=2026-12-07&to=2026-12-01", "to")]
    [InlineData("from=yesterday", "from")]
    [InlineData("channel=myspace", "channel")]
    [InlineData("sentiment=angry", "sentiment")]
    [InlineData("lang=DE'--", "lang")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("limit=100000", "limit")]
    public async Task Bad_parameters_get_400_problems_naming_them(string query, string parameter)
    {
        var problem = await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/mentions/search?" + query), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_huge_query_gets_400_and_injection_attempts_are_only_words()
    {
        var huge = await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/mentions/search?q=" + new string('a', 5_000)), HttpStatusCode.BadRequest);
        Assert.Equal("q", huge.GetProperty("parameter").GetString());
        // Past Kestrel's 8 KB request line the server refuses the request itself, before any Pulse code.
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await Host.Http.GetAsync("/api/mentions/search?q=" + new string('a', 100_000))).StatusCode);

        await ArchiveAsync("srch-i", "injecto", """{"id":"i1","channel":"x","text":"injecto says: drop table pulse_mention_batches, now"}""");
        foreach (var attack in (string[])["'; DROP TABLE pulse_mention_batches; --", "injecto') OR 1=1 --", "injecto & !(", "\\' || pg_sleep(10) --", "<->:*!&|"])
        {
            var response = await Host.Http.GetAsync("/api/mentions/search?brand=srch-i&q=" + Uri.EscapeDataString(attack));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The words of the first attack are just words, and i1 holds them all.
        Assert.Equal(["i1"], await IdsAsync("brand=srch-i&q=" + Uri.EscapeDataString("'; DROP TABLE pulse_mention_batches; --")));
        await using var connection = await fixture.OpenAsync();
        Assert.Single(await ArchiveContents.ReadAsync(connection, "srch-i"));
    }

    [Fact]
    public async Task Search_plans_can_use_the_word_index_and_read_a_brands_batches_newest_first()
    {
        await using var connection = await fixture.OpenAsync();
        // The test's tables are tiny, where scanning them is cheapest: forbidding that shows which index a plan can use.
        await SetAsync(connection, "SET enable_seqscan = off; SET enable_indexscan = off");
        Assert.Contains("Bitmap Index Scan on pulse_mention_batches_brand_terms", await PlanAsync(connection, "q=stoerung"), StringComparison.Ordinal);

        await SetAsync(connection, "RESET enable_indexscan");
        var cursor = new Pulse.Silo.Archive.Search.SearchCursor(Pulse.Silo.Archive.Search.MentionSearchSort.Time, DateTime.UtcNow, 0, "k10", "srch-k").Encode();
        var page = await PlanAsync(connection, $"brand=srch-k&limit=10&cursor={cursor}");
        Assert.Contains("Index Scan Backward using pulse_mention_batches_brand_time", page, StringComparison.Ordinal);
    }

    private static async Task SetAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> PlanAsync(NpgsqlConnection connection, string parameters)
    {
        var values = System.Web.HttpUtility.ParseQueryString(parameters);
        var (query, problem) = Pulse.Silo.Archive.Search.MentionSearchApi.Parse(
            values["q"], values["from"], values["to"], values["channel"], values["sentiment"], values["lang"], values["sort"], values["cursor"], values["limit"], ["x"]);
        Assert.Null(problem);
        output.WriteLine(parameters);
        var text = query!.Text is { } words
            ? Pulse.Silo.Archive.Search.TextMatch.Of(words, query.Lang, Host.Services.GetRequiredService<Pulse.Analytics.TextSearch.SearchAnalyzer>())
            : null;
        await using var command = Pulse.Silo.Archive.Search.BatchCandidates.Command(
            query with { Brands = values["brand"] is { } brand ? [brand] : null }, text, floor: null, tier: null, after: null, connection);
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        output.WriteLine(plan.ToString());
        return plan.ToString();
    }

    private async Task<JsonElement> SearchAsync(string parameters)
    {
        var response = await Host.Http.GetAsync("/api/mentions/search?" + parameters);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string[]> IdsAsync(string parameters) =>
        (await SearchAsync(parameters)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    /// <summary>Adds the brand, ingests the lines, and waits until the archive holds each one.</summary>
    private async Task ArchiveAsync(string brand, string keyword, params string[] lines)
    {
        (await Host.Http.PutAsJsonAsync($"/api/brands/{brand}", new { name = brand, keywords = new[] { keyword } })).EnsureSuccessStatusCode();
        var posted = await Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await Eventually.GetAsync(
            async () => (await SearchAsync($"brand={brand}&limit=200")).GetProperty("items").GetArrayLength(),
            n => n >= lines.Length,
            Patience);
    }
}
