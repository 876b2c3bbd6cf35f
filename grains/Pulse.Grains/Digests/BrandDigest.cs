namespace Pulse.Grains.Digests;

/// <summary>
/// A brand's week in a few lines, as its webhooks receive it and <c>GET /api/brands/{id}/digest</c> shows it: the week
/// against the one before, where it was talked about, what rose, how incidents went, the posts that carried it, and a
/// link to the full printable report (when the dashboard's public address is configured). Built from the brand report.
/// </summary>
public sealed record BrandDigest(
    string BrandId,
    string BrandName,
    DigestWeek Week,
    DateTimeOffset From,
    DateTimeOffset To,
    DigestTotals Totals,
    DigestTotals Previous,
    DigestChange Change,
    IReadOnlyList<DigestChannel> TopChannels,
    IReadOnlyList<string> RisingTerms,
    DigestIncidents Incidents,
    IReadOnlyList<DigestPost> TopPosts,
    string? ReportUrl);

/// <summary>A week's mentions, net sentiment ((positive − negative) / mentions; null without mentions) and engagement.</summary>
public sealed record DigestTotals(long Mentions, double? NetSentiment, long Engagement);

/// <summary>
/// Against the week before: mentions and engagement as fractions (0.25 is +25 %; null when the week before had none),
/// net sentiment as the difference (0.1 is ten points).
/// </summary>
public sealed record DigestChange(double? Mentions, double? NetSentiment, double? Engagement);

/// <summary>A channel's mentions and its share of the week's.</summary>
public sealed record DigestChannel(string Channel, long Mentions, double Share);

/// <summary>The week's incidents (alerts that started in it) and the median time to acknowledge those acknowledged.</summary>
public sealed record DigestIncidents(int Count, int Acknowledged, double? MedianTimeToAcknowledgeSeconds);

/// <summary>One of the week's most engaging posts. <see cref="Text"/> is what someone wrote: untrusted, shortened.</summary>
public sealed record DigestPost(string Channel, string? Author, string Text, string? Url, long Engagement, DateTimeOffset At);
