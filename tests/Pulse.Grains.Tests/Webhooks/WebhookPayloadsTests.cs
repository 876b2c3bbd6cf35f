using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Webhooks;

/// <summary>An incident's facets reach both webhook formats: the JSON alert carries them, Slack names and lists them.</summary>
public sealed class WebhookPayloadsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly AlertWhy Why = new([new TermLift("Rückruf", 30, 9)], [], new SentimentSplit(1, 2, 30), []);

    [Fact]
    public void The_json_payload_is_the_alert_with_its_facets_and_the_leading_kind()
    {
        var body = WebhookPayloads.Json(Crisis(), WebhookEvents.Escalated, "acme:1:escalated-2:0123456789abcdef");

        Assert.Equal(("escalated", "spike", 7), ((string?)body["event"], (string?)body["kind"], (int?)body["severity"]));
        Assert.Equal("acme:1:escalated-2:0123456789abcdef", (string?)body["idempotencyKey"]);
        Assert.Equal(["spike", "negative-shift", "viral"], body["facets"]!.AsArray().Select(f => (string?)f!["kind"]));
        Assert.Equal(0.6, (double?)body["facets"]![1]!["value"]);
    }

    [Fact]
    public void The_slack_message_names_every_facet_and_lists_their_figures()
    {
        var body = WebhookPayloads.Slack(Crisis(), WebhookEvents.Escalated, "https://pulse.example");

        var text = (string?)body["text"];
        Assert.StartsWith("Acme &lt;Bank&gt;: spike + negative-shift + viral escalated, severity 7/10 on x, reddit.", text, StringComparison.Ordinal);
        var fields = body["blocks"]![2]!["fields"]!.AsArray().Select(f => (string?)f!["text"]).ToArray();
        Assert.Equal("*Facets*\nspike 3/10 on x: 120 vs 15\nnegative-shift 3/10 on reddit: 60 % vs 10 %\nviral 7/10 on x: 40000 vs 900", fields[2]);
        Assert.Contains("Acme &lt;Bank&gt;", (string?)body["blocks"]![3]!["elements"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_control_sequences_from_mentions_brand_names_and_notes_are_inert()
    {
        const string hostile = "<!channel> <http://evil|click> & co";
        var why = new AlertWhy([new TermLift(hostile, 30, 9)], [], new SentimentSplit(1, 2, 30), []);
        var alert = AlertIncidents.Open("acme:9", hostile, new AlertSignal("acme", "x", AlertKind.Spike, 6, At, 120, 15, why));
        alert = alert with { History = [new AlertAction("acknowledge", hostile, At, hostile)] };

        var body = WebhookPayloads.Slack(alert, WebhookEvents.Acknowledged, "https://pulse.example");

        var markdown = MarkdownTexts(body).ToArray();
        Assert.NotEmpty(markdown);
        Assert.All(markdown, text =>
        {
            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<http://evil", text, StringComparison.Ordinal);
            Assert.DoesNotContain("& co", text, StringComparison.Ordinal);
        });
        Assert.Contains("&lt;!channel&gt; &lt;http://evil|click&gt; &amp; co", (string?)body["text"], StringComparison.Ordinal);
        var link = (string?)body["blocks"]![3]!["elements"]![0]!["text"];
        Assert.StartsWith("<https://pulse.example/#/brand/acme|Open &lt;!channel&gt; &lt;http://evil|click&gt; &amp; co in Pulse>", link, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_ping_or_a_forged_link_in_a_brand_name_or_term_reaches_slack_escaped_and_the_header_keeps_it_as_plain_text()
    {
        var why = new AlertWhy([new TermLift("<https://evil|bank>", 30, 9)], [], new SentimentSplit(1, 2, 30), []);
        var alert = AlertIncidents.Open("acme:10", "<!channel> Acme", new AlertSignal("acme", "x", AlertKind.Spike, 6, At, 120, 15, why));

        var body = WebhookPayloads.Slack(alert, WebhookEvents.Opened, dashboardUrl: null);

        var text = (string?)body["text"];
        Assert.StartsWith("&lt;!channel&gt; Acme: spike opened", text, StringComparison.Ordinal);
        Assert.EndsWith("Why: &lt;https://evil|bank&gt;.", text, StringComparison.Ordinal);
        Assert.Equal("*Why*\n&lt;https://evil|bank&gt;", (string?)body["blocks"]![2]!["fields"]![0]!["text"]);
        Assert.All(MarkdownTexts(body), t => Assert.DoesNotContain('<', t));
        // plain_text is never parsed for mentions or links, and entities there would show as written.
        var header = body["blocks"]![0]!["text"]!;
        Assert.Equal(("plain_text", "<!channel> Acme: spike opened, severity 6/10 on x"), ((string?)header["type"], (string?)header["text"]));
    }

    /// <summary>Every string Slack reads as mrkdwn: "text" and each block or field of type mrkdwn.</summary>
    private static IEnumerable<string> MarkdownTexts(System.Text.Json.Nodes.JsonObject body)
    {
        yield return (string)body["text"]!;
        foreach (var node in Descendants(body).OfType<System.Text.Json.Nodes.JsonObject>().Where(o => (string?)o["type"] == "mrkdwn"))
        {
            yield return (string)node["text"]!;
        }
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> Descendants(System.Text.Json.Nodes.JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            System.Text.Json.Nodes.JsonObject o => o.Select(p => p.Value),
            System.Text.Json.Nodes.JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<System.Text.Json.Nodes.JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static Alert Crisis()
    {
        var alert = AlertIncidents.Open("acme:1", "Acme <Bank>", Signal(AlertKind.Spike, "x", 3, 120, 15));
        alert = AlertIncidents.Join(alert, Signal(AlertKind.NegativeShift, "reddit", 3, 0.6, 0.1), out _);
        return AlertIncidents.Join(alert, Signal(AlertKind.Viral, "x", 7, 40_000, 900), out _);
    }

    private static AlertSignal Signal(AlertKind kind, string channel, int severity, double value, double expected) =>
        new("acme", channel, kind, severity, At, value, expected, Why);
}
