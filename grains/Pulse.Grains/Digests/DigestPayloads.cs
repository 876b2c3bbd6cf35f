using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

/// <summary>
/// A digest's webhook bodies: the digest itself (JSON), or a Slack message. Everything people wrote (brand name, posts,
/// authors, terms, channel names) is escaped for Slack's mrkdwn, so a post saying "&lt;!channel&gt;" pings nobody.
/// </summary>
public static class DigestPayloads
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The digest (camelCase) with "event" ("digest") and "idempotencyKey" (as the header) first.</summary>
    public static JsonObject Json(BrandDigest digest, string idempotencyKey)
    {
        var body = JsonSerializer.SerializeToNode(digest, Web)!.AsObject();
        body.Insert(0, "event", WebhookEvents.Digest);
        body.Insert(1, "idempotencyKey", idempotencyKey);
        return body;
    }

    /// <summary>A Slack incoming-webhook message: "text" for notifications and old clients, "blocks" for the layout.</summary>
    public static JsonObject Slack(BrandDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var headline = $"Weekly digest: {digest.BrandName}, {digest.Week}";
        var (mentions, sentiment, engagement) = (Mentions(digest), Sentiment(digest), Engagement(digest));
        var channels = digest.TopChannels.Count == 0
            ? "–"
            : string.Join(", ", digest.TopChannels.Select(c => string.Create(CultureInfo.InvariantCulture, $"{SlackText.Escape(c.Channel)} {c.Share:P0}")));
        var terms = digest.RisingTerms.Count == 0 ? "–" : SlackText.Escape(string.Join(", ", digest.RisingTerms));
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = SlackText.PlainText(headline) },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(
                    SlackText.Markdown($"*Mentions*\n{mentions}"),
                    SlackText.Markdown($"*Net sentiment*\n{sentiment}"),
                    SlackText.Markdown($"*Engagement*\n{engagement}"),
                    SlackText.Markdown($"*Top channels*\n{channels}"),
                    SlackText.Markdown($"*Rising terms*\n{terms}"),
                    SlackText.Markdown($"*Incidents*\n{Incidents(digest.Incidents)}")),
            });
        if (digest.TopPosts.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = SlackText.Markdown("*Top posts*\n" + string.Join("\n", digest.TopPosts.Select(Post))) });
        }

        var footer = digest.ReportUrl is { } url ? SlackText.Link(url, "Open the full report") : $"Pulse digest {digest.Week}";
        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(SlackText.Markdown(footer)) });
        return new JsonObject
        {
            ["text"] = SlackText.Escape($"{headline}: {mentions} mentions, net sentiment {sentiment}, engagement {engagement}."),
            ["blocks"] = blocks,
        };
    }

    private static string Mentions(BrandDigest d) => Inv($"{d.Totals.Mentions:N0} ({Ratio(d.Change.Mentions)})");

    private static string Engagement(BrandDigest d) => Inv($"{d.Totals.Engagement:N0} ({Ratio(d.Change.Engagement)})");

    // Net sentiment in points (-100..+100), its change in points: "+12 (−3 pts)".
    private static string Sentiment(BrandDigest d) => d.Totals.NetSentiment is { } net
        ? Inv($"{net * 100:+0;-0;0}") + (d.Change.NetSentiment is { } change ? Inv($" ({change * 100:+0;-0;0} pts)") : "")
        : "–";

    private static string Ratio(double? change) => change is { } c ? Inv($"{c:+0 %;-0 %;0 %} vs last week") : "none the week before";

    private static string Incidents(DigestIncidents incidents) => incidents.Count == 0
        ? "none"
        : Inv($"{incidents.Count}, {incidents.Acknowledged} acknowledged") +
          (incidents.MedianTimeToAcknowledgeSeconds is { } s ? $", median time to acknowledge {Duration(TimeSpan.FromSeconds(s))}" : "");

    // "1. x · @author · 1,234 engagements: text" with the post's text (and author) escaped, on one line.
    private static string Post(DigestPost post, int index)
    {
        var author = post.Author is { Length: > 0 } a ? $" · {SlackText.Escape(a)}" : "";
        var text = SlackText.Escape(post.Text.ReplaceLineEndings(" "));
        return Inv($"{index + 1}. {SlackText.Escape(post.Channel)}{author} · {post.Engagement:N0} engagements: {text}");
    }

    private static string Duration(TimeSpan span) => span.TotalMinutes < 60
        ? Inv($"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min")
        : span.TotalHours < 48 ? Inv($"{(int)span.TotalHours} h {span.Minutes} min") : Inv($"{(int)span.TotalDays} d {span.Hours} h");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
