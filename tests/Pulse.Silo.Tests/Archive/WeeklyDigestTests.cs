using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;
using Pulse.Silo.Tests.Auth;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// The weekly digest over a real PostgreSQL archive, delivered over HTTP to a real receiver: previewed, sent by hand
/// (twice, under one key) and sent by the schedule's due handling, once.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class WeeklyDigestTests(ArchiveHostFixture fixture)
{
    private const string Hostile = "<!channel> <https://evil|click> digestix";

    private RunningHost Host => fixture.Host;

    private DigestSchedule Schedule => Host.Services.GetRequiredService<DigestSchedule>();

    [Fact]
    public async Task A_digest_sent_by_hand_reaches_json_and_slack_webhooks_with_the_weeks_totals_and_a_resend_carries_the_same_key()
    {
        await SchedulerSettledAsync();
        var week = Schedule.LastFullWeek();
        await AddBrandAsync("dig-a", "digestix");
        // The week: 29 calm posts and one hostile, most engaged; the week before: 12.
        await IngestAsync([
            .. Posts("dw", 29, week.From.AddHours(30), i => $"digestix is fine {i}"),
            JsonSerializer.Serialize(new { id = "dw-hostile", channel = "reddit", text = Hostile, timestamp = week.From.AddHours(50), likes = 5000, author = "<@U0>" }),
            .. Posts("db", 12, week.ComparisonFrom.AddHours(30), i => $"digestix before {i}"),
        ]);
        await WaitForArchiveAsync("dig-a", 42);
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        await PutWebhooksAsync("dig-a", (receiver.Url("dig-a-json"), "json"), (receiver.Url("dig-a-slack"), "slack"));

        var preview = await Host.Http.GetFromJsonAsync<JsonElement>("/api/brands/dig-a/digest");
        Assert.Equal(week.Week.ToString(), preview.GetProperty("week").GetString());
        Assert.Equal((30, 12), (preview.GetProperty("totals").GetProperty("mentions").GetInt64(), preview.GetProperty("previous").GetProperty("mentions").GetInt64()));
        Assert.Equal((30 - 12) / 12.0, preview.GetProperty("change").GetProperty("mentions").GetDouble(), 6);
        Assert.Equal(Hostile, preview.GetProperty("topPosts")[0].GetProperty("text").GetString()); // JSON: just a string
        Assert.StartsWith($"{ArchiveHostFixture.DashboardUrl}/report.html?brand=dig-a&from=", preview.GetProperty("reportUrl").GetString(), StringComparison.Ordinal);
        var slackPreview = await Host.Http.GetFromJsonAsync<JsonElement>("/api/brands/dig-a/digest?format=slack");
        AssertInertInSlack(slackPreview);

        var sent = await Host.Http.PostAsync("/api/brands/dig-a/digest/send", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var answer = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(week.Week.ToString(), answer.GetProperty("week").GetString());
        Assert.Equal(2, answer.GetProperty("webhooks").GetArrayLength());
        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 2);

        var json = Assert.Single(receiver.Received, r => r.Path == "dig-a-json");
        Assert.Equal(("digest", week.Week.ToString()), (json.Body.GetProperty("event").GetString(), json.Body.GetProperty("week").GetString()));
        Assert.Equal((30, 12), (json.Body.GetProperty("totals").GetProperty("mentions").GetInt64(), json.Body.GetProperty("previous").GetProperty("mentions").GetInt64()));
        Assert.Equal(Hostile, json.Body.GetProperty("topPosts")[0].GetProperty("text").GetString());
        Assert.Equal(json.Key, json.Body.GetProperty("idempotencyKey").GetString());
        Assert.StartsWith($"dig-a:digest-{week.Week}:", json.Key, StringComparison.Ordinal);
        var slack = Assert.Single(receiver.Received, r => r.Path == "dig-a-slack");
        Assert.True(slack.Body.GetProperty("blocks").GetArrayLength() >= 3);
        Assert.Contains("dig-a", slack.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", slack.Body.GetProperty("blocks")[2].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertInertInSlack(slack.Body);
        Assert.NotEqual(json.Key, slack.Key);

        (await Host.Http.PostAsync("/api/brands/dig-a/digest/send", null)).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 4);

        Assert.Equal([json.Key, json.Key], receiver.Received.Where(r => r.Path == "dig-a-json").Select(r => r.Key));
        Assert.Equal([slack.Key, slack.Key], receiver.Received.Where(r => r.Path == "dig-a-slack").Select(r => r.Key));
        var status = await Eventually.GetAsync(
            () => Host.Grains.GetGrain<IBrandDigestGrain>("dig-a").GetStatusAsync(),
            s => s.Deliveries.Length == 2 && s.Deliveries.All(d => d.Status == WebhookDeliveryStatus.Delivered));
        Assert.All(status.Deliveries, d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
        Assert.Equal(week.Week, status.LastWeek);
    }

    [Fact]
    public async Task The_schedules_due_handling_sends_a_brand_its_due_week_once()
    {
        await SchedulerSettledAsync();
        var due = Schedule.LatestDue();
        await AddBrandAsync("dig-b", "schedix");
        await IngestAsync(Posts("sw", 5, due.From.AddHours(12), i => $"schedix {i}"));
        await WaitForArchiveAsync("dig-b", 5);
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        await PutWebhooksAsync("dig-b", (receiver.Url("dig-b"), "json"));
        var digests = Host.Grains.GetGrain<IBrandDigestGrain>("dig-b");

        Assert.Equal(DigestOutcome.Sent, await digests.RunDueAsync());
        var settled = await Eventually.GetAsync(() => digests.RunDueAsync(), o => o == DigestOutcome.Done);

        Assert.Equal(DigestOutcome.Done, settled);
        var received = Assert.Single(receiver.Received);
        Assert.Equal((due.Week.ToString(), 5), (received.Body.GetProperty("week").GetString(), received.Body.GetProperty("totals").GetProperty("mentions").GetInt64()));
        Assert.Equal(received.Key, received.Body.GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task Sending_a_digest_for_a_brand_without_webhooks_is_a_conflict_and_a_bad_format_a_400()
    {
        await AddBrandAsync("dig-c", "nohookix");

        await ProblemAssert.IsAsync(await Host.Http.PostAsync("/api/brands/dig-c/digest/send", null), HttpStatusCode.Conflict);
        var problem = await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/brands/dig-c/digest?format=xml"), HttpStatusCode.BadRequest);
        Assert.Equal("format", problem.GetProperty("parameter").GetString());
        await ProblemAssert.IsAsync(await Host.Http.GetAsync("/api/brands/no-such-brand/digest"), HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The host's scheduler settles the week due for the brands there are (none of the archive tests' has webhooks yet), so
    /// it sends nothing behind a test's back once the test gives its brand webhooks.
    /// </summary>
    private async Task SchedulerSettledAsync()
    {
        var scheduler = Host.Grains.GetGrain<IDigestSchedulerGrain>(IDigestSchedulerGrain.Key);
        var settled = await Eventually.GetAsync(() => scheduler.GetSettledWeekAsync(), w => w == Schedule.LatestDue().Week, TimeSpan.FromSeconds(120));
        Assert.Equal(Schedule.LatestDue().Week, settled);
    }

    /// <summary>No string in the Slack message holds a raw mention or link from the post (it would ping or link in Slack).</summary>
    private static void AssertInertInSlack(JsonElement body)
    {
        var strings = Strings(body).ToArray();
        Assert.Contains(strings, s => s.Contains("&lt;!channel&gt; &lt;https://evil|click&gt;", StringComparison.Ordinal));
        Assert.All(strings, s => Assert.DoesNotContain("<!channel>", s, StringComparison.Ordinal));
        Assert.All(strings, s => Assert.DoesNotContain("<https://evil", s, StringComparison.Ordinal));
        Assert.All(strings, s => Assert.DoesNotContain("<@U0>", s, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private static IEnumerable<string> Posts(string prefix, int count, DateTimeOffset from, Func<int, string> text) =>
        Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            id = $"{prefix}{i}",
            channel = i % 3 == 0 ? "reddit" : "x",
            text = text(i),
            timestamp = from.AddMinutes(i),
            likes = i,
        }));

    private async Task IngestAsync(IEnumerable<string> lines)
    {
        var posted = await Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
    }

    private async Task AddBrandAsync(string id, string keyword) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords = new[] { keyword } })).EnsureSuccessStatusCode();

    private async Task PutWebhooksAsync(string brand, params (string Url, string Format)[] hooks) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = hooks.Select(h => new { url = h.Url, format = h.Format }) })).EnsureSuccessStatusCode();

    private async Task WaitForArchiveAsync(string brand, int count)
    {
        var found = await Eventually.GetAsync(
            async () => (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/mentions/search?brand={brand}&limit=200")).GetProperty("items").GetArrayLength(),
            n => n >= count,
            TimeSpan.FromSeconds(60));
        Assert.Equal(count, found);
    }
}
