using System.Text.Json.Nodes;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Digests;

/// <summary>A digest's two webhook bodies: the digest as JSON, and a Slack message in which nothing people wrote is markup.</summary>
public sealed class DigestPayloadsTests
{
    private const string Hostile = "<!channel> <https://evil|click> & co";

    [Fact]
    public void The_json_payload_is_the_digest_with_event_and_idempotency_key_first_and_post_text_as_written()
    {
        var body = DigestPayloads.Json(Digest(Hostile), "acme:digest-2026-W10:0123456789abcdef");

        Assert.Equal(["event", "idempotencyKey"], body.Select(p => p.Key).Take(2));
        Assert.Equal(("digest", "acme:digest-2026-W10:0123456789abcdef", "2026-W10"), ((string?)body["event"], (string?)body["idempotencyKey"], (string?)body["week"]));
        Assert.Equal(1234, (long?)body["totals"]!["mentions"]);
        Assert.Equal(0.25, (double?)body["change"]!["mentions"]);
        Assert.Equal(Hostile, (string?)body["topPosts"]![0]!["text"]);
        Assert.Equal(["rückruf", "#sale", "delay"], body["risingTerms"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public void A_channel_ping_or_forged_link_in_a_post_author_term_or_brand_name_reaches_slack_escaped()
    {
        var digest = Digest(Hostile) with { BrandName = Hostile, RisingTerms = [Hostile], TopChannels = [new DigestChannel(Hostile, 3, 1)] };

        var body = DigestPayloads.Slack(digest);

        var markdown = MarkdownTexts(body).Append((string?)body["text"] ?? "").ToArray();
        Assert.True(markdown.Length > 5);
        Assert.All(markdown, text =>
        {
            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", text, StringComparison.Ordinal);
            Assert.DoesNotContain("& co", text, StringComparison.Ordinal);
        });
        var posts = markdown.Single(t => t.StartsWith("*Top posts*", StringComparison.Ordinal));
        Assert.Contains("&lt;!channel&gt; &lt;https://evil|click&gt; &amp; co", posts, StringComparison.Ordinal);
        Assert.Contains("&lt;@U123&gt;", posts, StringComparison.Ordinal); // the author
        // The header is plain text, which Slack never parses: the name stays as written there.
        Assert.Equal("plain_text", (string?)body["blocks"]![0]!["text"]!["type"]);
    }

    [Fact]
    public void The_slack_message_gives_totals_with_their_change_and_links_the_report()
    {
        var body = DigestPayloads.Slack(Digest("Great service"));

        var fields = body["blocks"]![1]!["fields"]!.AsArray().Select(f => (string?)f!["text"]).ToArray();
        Assert.Equal("*Mentions*\n1,234 (+25 % vs last week)", fields[0]);
        Assert.Equal("*Net sentiment*\n+20 (-5 pts)", fields[1]);
        Assert.Equal("*Engagement*\n5,000 (none the week before)", fields[2]);
        Assert.Equal("*Top channels*\nx 75 %, reddit 25 %", fields[3]);
        Assert.Equal("*Incidents*\n2, 1 acknowledged, median time to acknowledge 12 min", fields[5]);
        var footer = (string?)body["blocks"]![3]!["elements"]![0]!["text"];
        Assert.Equal("<https://pulse.example/report.html?brand=acme&amp;compare=previous|Open the full report>", footer);
    }

    [Fact]
    public void Without_a_report_address_the_footer_names_the_week_and_links_nothing()
    {
        var body = DigestPayloads.Slack(Digest("fine") with { ReportUrl = null, TopPosts = [] });

        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(3, blocks.Count); // no top posts section
        Assert.Equal("Pulse digest 2026-W10", (string?)blocks[2]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void A_job_with_a_digest_gets_the_body_of_its_target_format()
    {
        var digest = Digest("fine");
        var json = WebhookPayloads.For(new WebhookJob(new DigestMessage(digest), new WebhookTarget("https://example.com/h", WebhookFormats.Json), "k"), null);
        var slack = WebhookPayloads.For(new WebhookJob(new DigestMessage(digest), new WebhookTarget("https://example.com/h", WebhookFormats.Slack), "k"), null);

        Assert.Equal("digest", (string?)JsonNode.Parse(json)!["event"]);
        Assert.NotNull(JsonNode.Parse(slack)!["blocks"]);
    }

    private static BrandDigest Digest(string postText) => new(
        "acme", "Acme", new DigestWeek(2026, 10),
        new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero),
        new DigestTotals(1234, 0.2, 5000), new DigestTotals(987, 0.25, 0), new DigestChange(0.25, -0.05, null),
        [new DigestChannel("x", 900, 0.75), new DigestChannel("reddit", 300, 0.25)],
        ["rückruf", "#sale", "delay"],
        new DigestIncidents(2, 1, 720),
        [new DigestPost("x", "<@U123>", postText, "https://x.example/1", 420, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero))],
        "https://pulse.example/report.html?brand=acme&compare=previous");

    private static IEnumerable<string> MarkdownTexts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "mrkdwn" => [(string?)o["text"] ?? ""],
        JsonObject o => o.SelectMany(p => MarkdownTexts(p.Value)),
        JsonArray a => a.SelectMany(MarkdownTexts),
        _ => [],
    };
}
