using System.Text.Json.Nodes;

namespace Pulse.Grains.Webhooks;

/// <summary>The pieces of a Slack message every payload builds from, and the escaping that keeps people's text inert.</summary>
public static class SlackText
{
    /// <summary>
    /// Slack's three control characters; everything else in mrkdwn is literal. Applied to every text people wrote (posts,
    /// brand names, terms, notes), so "&lt;!channel&gt;" or "&lt;https://evil|click&gt;" arrive as text, never as a mention or link.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>A link Slack renders as <paramref name="label"/>: the label escaped, the address's "|" (which would end it) encoded.</summary>
    public static string Link(string url, string label)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"<{Escape(url).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(label)}>";
    }

    /// <summary>Plain text is never parsed for mentions; Slack caps a header's at 150 characters.</summary>
    public static JsonObject PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { ["type"] = "plain_text", ["text"] = text.Length > 150 ? text[..149] + "…" : text };
    }

    /// <summary>Markdown whose people-written parts the caller has escaped.</summary>
    public static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
