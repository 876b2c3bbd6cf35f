using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Silo.Tests.Auth;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Silo.Tests.Archive;

/// <summary><c>GET /api/brands/{id}/report</c> over mentions that went through ingest into a real PostgreSQL archive.</summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class BrandReportTests(ArchiveHostFixture fixture)
{
    /// <summary>The hour the tests run in, so that their posts fall on whole hours as the rollups bucket them.</summary>
    private static readonly DateTimeOffset Now = HourOf(DateTimeOffset.UtcNow);

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_report_measures_volume_voice_terms_posts_authors_and_the_lift_around_an_annotation()
    {
        await AddBrandAsync("rep-a", "reportix");
        await AddBrandAsync("rep-b", "rivalix");
        var lines = new List<string>();
        // The comparison period (days 6 to 3 back): 40 calm posts. The period (3 days back to now): 20 calm, then after
        // the press release a day back, 60 about a recall on two channels.
        lines.AddRange(Posts("c", 40, Now.AddDays(-5), i => $"reportix works fine {i}"));
        lines.AddRange(Posts("q", 20, Now.AddDays(-2), i => $"reportix works fine again {i}"));
        lines.AddRange(Posts("r", 60, Now.AddHours(-20), i => $"reportix #Rückruf angekündigt, terrible {i}", engaged: true, twoChannels: true));
        lines.AddRange(Posts("v", 40, Now.AddHours(-10), i => $"rivalix is fine {i}"));
        lines.Add($$"""{"id":"rep-inj","channel":"news","text":"=HYPERLINK(\"http://evil\") reportix","timestamp":"{{Now.AddHours(-5):O}}","likes":1000}""");
        await IngestAsync(lines);
        await WaitForArchiveAsync("rep-a", 121);
        await WaitForArchiveAsync("rep-b", 40);
        (await Host.Http.PostAsJsonAsync("/api/brands/rep-a/annotations", new { title = "Press release", kind = "press-release", at = Now.AddDays(-1) })).EnsureSuccessStatusCode();

        var report = await Host.Http.GetFromJsonAsync<JsonElement>(
            $"/api/brands/rep-a/report?from={Uri.EscapeDataString(Now.AddDays(-3).ToString("O"))}&to={Uri.EscapeDataString(Now.ToString("O"))}&compare=previous&competitors=rep-b");

        Assert.Equal("hour", report.GetProperty("resolution").GetString());
        Assert.Equal(81, report.GetProperty("totals").GetProperty("mentions").GetInt64());
        Assert.Equal(40, report.GetProperty("comparisonTotals").GetProperty("mentions").GetInt64());
        Assert.Equal((81 - 40) / 40.0, report.GetProperty("change").GetProperty("mentions").GetDouble(), 6);
        Assert.Equal(81, report.GetProperty("series").EnumerateArray().Sum(b => b.GetProperty("totals").GetProperty("mentions").GetInt64()));
        Assert.Equal(1.0, report.GetProperty("channels").EnumerateArray().Sum(c => c.GetProperty("share").GetDouble()), 6);

        var voice = report.GetProperty("shareOfVoice").EnumerateArray().ToDictionary(v => v.GetProperty("brandId").GetString()!, v => v.GetProperty("share").GetDouble());
        Assert.Equal(81 / 121.0, voice["rep-a"], 6);
        Assert.Equal(40 / 121.0, voice["rep-b"], 6);

        Assert.Equal("rep-inj", report.GetProperty("topPosts")[0].GetProperty("id").GetString());
        Assert.Equal(10, report.GetProperty("topPosts").GetArrayLength());
        Assert.StartsWith("@author", report.GetProperty("topAuthors")[0].GetProperty("author").GetString(), StringComparison.Ordinal);
        Assert.Equal(15, report.GetProperty("topAuthors")[0].GetProperty("mentions").GetInt64());

        var terms = report.GetProperty("risingTerms").GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToArray();
        Assert.Contains("#Rückruf", terms);
        Assert.DoesNotContain("reportix", terms);

        var annotation = Assert.Single(report.GetProperty("annotations").EnumerateArray());
        Assert.Equal("press-release", annotation.GetProperty("annotation").GetProperty("kind").GetString());
        var lift = annotation.GetProperty("lift");
        Assert.Equal(20, lift.GetProperty("before").GetProperty("mentions").GetInt64());
        Assert.Equal(61, lift.GetProperty("after").GetProperty("mentions").GetInt64());
        Assert.True(lift.GetProperty("sentiment").GetDouble() < 0, "the recall posts are negative");
    }

    [Fact]
    public async Task Csv_sections_are_tables_and_post_text_cannot_become_a_formula()
    {
        await AddBrandAsync("rep-c", "csvix");
        await IngestAsync([$$"""{"id":"csv1","channel":"x","text":"=cmd|' /C calc'!A0 csvix","timestamp":"{{Now.AddHours(-2):O}}","likes":5,"author":"@x"}"""]);
        await WaitForArchiveAsync("rep-c", 1);

        var response = await Host.Http.GetAsync("/api/brands/rep-c/report?format=csv&section=top-posts");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("published_at,channel,author,url,likes", rows[0], StringComparison.Ordinal);
        Assert.Equal(2, rows.Length);
        Assert.EndsWith(",'=cmd|' /C calc'!A0 csvix", rows[1], StringComparison.Ordinal);

        var series = await Host.Http.GetStringAsync("/api/brands/rep-c/report?format=csv");
        Assert.StartsWith("period,start,mentions", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_reports_its_spike_start_and_the_times_to_detect_acknowledge_and_resolve()
    {
        await AddBrandAsync("rep-e", "incidix");
        var spike = Now.AddHours(-10);
        // Quiet for hours, then ten posts a minute for twenty minutes; the alert came fifteen minutes in.
        await IngestAsync(Enumerable.Range(0, 200).Select(i => JsonSerializer.Serialize(new
        {
            id = $"s{i}",
            channel = "x",
            text = $"incidix is down {i}",
            timestamp = spike.AddSeconds(i * 6),
        })));
        await WaitForArchiveAsync("rep-e", 200);
        var alertedAt = spike.AddMinutes(15);
        var why = new Pulse.Grains.Alerts.AlertWhy([], [], new Pulse.Grains.Alerts.SentimentSplit(0, 0, 200), [new Pulse.Grains.Alerts.ChannelCount("x", 200)]);
        var grains = Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<Pulse.Grains.Alerts.IBrandAlertsGrain>("rep-e").SignalAsync(
            new Pulse.Grains.Alerts.AlertSignal("rep-e", "x", Pulse.Grains.Alerts.AlertKind.Spike, 6, alertedAt, 100, 1, why));
        var alertId = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/alerts?brand=rep-e"))[0].GetProperty("id").GetString();
        (await Host.Http.PostAsJsonAsync($"/api/alerts/{alertId}/ack", new { note = "on it" })).EnsureSuccessStatusCode();
        (await Host.Http.PostAsJsonAsync($"/api/alerts/{alertId}/resolve", new { note = "fixed" })).EnsureSuccessStatusCode();

        // The alerts table takes each change a moment after the grain makes it.
        var report = await Eventually.GetAsync(
            () => Host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/rep-e/report?from={Uri.EscapeDataString(Now.AddDays(-1).ToString("O"))}"),
            r => r.GetProperty("incidents").EnumerateArray().Any(i => i.GetProperty("state").GetString() == "resolved"),
            TimeSpan.FromSeconds(30));

        var incident = Assert.Single(report.GetProperty("incidents").EnumerateArray());
        Assert.Equal(alertId, incident.GetProperty("alertId").GetString());
        Assert.Equal("resolved", incident.GetProperty("state").GetString());
        Assert.Equal(spike, incident.GetProperty("spikeStart").GetDateTimeOffset());
        Assert.Equal(15 * 60, incident.GetProperty("timeToDetectSeconds").GetDouble(), 3);
        var acknowledge = incident.GetProperty("timeToAcknowledgeSeconds").GetDouble();
        Assert.True(acknowledge > 9 * 3600 && acknowledge <= incident.GetProperty("timeToResolveSeconds").GetDouble(), $"{acknowledge}");
        // No day of sentiment before the spike to recover to.
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("sentimentRecoverySeconds").ValueKind);
    }

    [Fact]
    public async Task History_charts_a_week_by_hour_and_a_quarter_by_day_with_the_annotations_on_them()
    {
        await AddBrandAsync("rep-h", "historix");
        await IngestAsync(Posts("h", 30, Now.AddDays(-3), i => $"historix {i}").Concat(Posts("g", 12, Now.AddDays(-40), i => $"historix old {i}")));
        await WaitForArchiveAsync("rep-h", 42);
        (await Host.Http.PostAsJsonAsync("/api/brands/rep-h/annotations", new { title = "Launch", kind = "product-launch", at = Now.AddDays(-2) })).EnsureSuccessStatusCode();

        var week = await Host.Http.GetFromJsonAsync<JsonElement>("/api/brands/rep-h/history?days=7");
        var quarter = await Host.Http.GetFromJsonAsync<JsonElement>("/api/brands/rep-h/history?days=90");

        Assert.Equal("hour", week.GetProperty("resolution").GetString());
        Assert.Equal(30, week.GetProperty("series").EnumerateArray().Sum(b => b.GetProperty("totals").GetProperty("mentions").GetInt64()));
        Assert.Equal("Launch", Assert.Single(week.GetProperty("annotations").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("day", quarter.GetProperty("resolution").GetString());
        Assert.Equal(42, quarter.GetProperty("series").EnumerateArray().Sum(b => b.GetProperty("totals").GetProperty("mentions").GetInt64()));
        Assert.All(quarter.GetProperty("series").EnumerateArray(), b => Assert.Equal(TimeSpan.Zero, b.GetProperty("start").GetDateTimeOffset().TimeOfDay));
        var problem = await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/brands/rep-h/history?days=365"), HttpStatusCode.BadRequest);
        Assert.Equal("days", problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("compare=lastyear", "compare")]
    [InlineData("format=pdf", "format")]
    [InlineData("competitors=no-such-brand", "competitors")]
    [InlineData("from=2026-12-07&to=2026-12-01", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "from")]
    [InlineData("section=top-posts", "section")]
    [InlineData("format=csv&section=everything", "section")]
    public async Task Bad_parameters_get_400_naming_them(string query, string parameter)
    {
        await AddBrandAsync("rep-d", "badix");

        var problem = await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/brands/rep-d/report?" + query), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    /// <summary>A minute apart from <paramref name="from"/>; engaged ones have i likes and one of four authors.</summary>
    private static IEnumerable<string> Posts(string prefix, int count, DateTimeOffset from, Func<int, string> text, bool engaged = false, bool twoChannels = false) =>
        Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            id = $"{prefix}{i}",
            channel = twoChannels && i % 3 == 0 ? "reddit" : "x",
            text = text(i),
            timestamp = from.AddMinutes(i),
            likes = engaged ? i : 0,
            author = engaged ? $"@author{i % 4}" : null,
        }));

    private static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private async Task IngestAsync(IEnumerable<string> lines)
    {
        var posted = await Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
    }

    private async Task AddBrandAsync(string id, string keyword) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords = new[] { keyword } })).EnsureSuccessStatusCode();

    private async Task WaitForArchiveAsync(string brand, int count) =>
        await Eventually.GetAsync(
            async () => (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/mentions/search?brand={brand}&limit=200")).GetProperty("items").GetArrayLength(),
            n => n >= count,
            TimeSpan.FromSeconds(60));
}
