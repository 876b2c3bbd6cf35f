using System.Globalization;
using Pulse.Grains.Digests;
using Pulse.Silo.Archive.Reports;

namespace Pulse.Silo.Archive.Digest;

/// <summary>
/// A brand report of one week (against the week before) in digest form: the same figures the printable report shows,
/// cut to what a team reads on a Monday morning. Pure: the report in, the digest out.
/// </summary>
public static class DigestBuilder
{
    public const int TopChannels = 3;
    public const int RisingTerms = 3;
    public const int TopPosts = 3;

    /// <summary>A post's text in the digest: a tweet's length, enough to know what it said.</summary>
    public const int PostLength = 280;

    public static BrandDigest Build(BrandReport report, DigestWeek week, string? reportUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = Totals(report.Totals);
        var before = report.ComparisonTotals is { } c ? Totals(c) : new DigestTotals(0, null, 0);
        var change = new DigestChange(
            report.Change?.Mentions,
            now.NetSentiment is { } a && before.NetSentiment is { } b ? a - b : null,
            report.Change?.Engagement);
        return new BrandDigest(
            report.BrandId, report.BrandName, week, report.Period.From, report.Period.To, now, before, change,
            [.. report.Channels.Take(TopChannels).Select(ch => new DigestChannel(ch.Channel, ch.Totals.Mentions, ch.Share))],
            [.. report.RisingTerms.Terms.Take(RisingTerms).Select(t => t.Term)],
            Incidents(report.Incidents),
            [.. report.TopPosts.Take(TopPosts).Select(p => new DigestPost(p.Channel, p.Author, Shorten(p.Text), p.Url, p.Likes + p.Shares + p.Comments, p.Timestamp))],
            reportUrl);
    }

    /// <summary>
    /// The printable report of the digest's week against the week before, under the dashboard's public address; null
    /// when none is configured (a link to localhost would help nobody who reads it in Slack).
    /// </summary>
    public static string? ReportLink(string? dashboardUrl, string brandId, TimeRange period)
    {
        ArgumentNullException.ThrowIfNull(brandId);
        if (string.IsNullOrWhiteSpace(dashboardUrl))
        {
            return null;
        }

        var from = Uri.EscapeDataString(period.From.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(period.To.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        return $"{dashboardUrl.TrimEnd('/')}/report.html?brand={Uri.EscapeDataString(brandId)}&from={from}&to={to}&compare=previous";
    }

    private static DigestTotals Totals(ReportTotals totals) => new(totals.Mentions, totals.NetSentiment, totals.Engagement);

    private static DigestIncidents Incidents(IReadOnlyList<IncidentReport> incidents)
    {
        var acknowledge = incidents.Select(i => i.TimeToAcknowledgeSeconds).OfType<double>().Order().ToArray();
        double? median = acknowledge.Length == 0 ? null
            : acknowledge.Length % 2 == 1 ? acknowledge[acknowledge.Length / 2]
            : (acknowledge[(acknowledge.Length / 2) - 1] + acknowledge[acknowledge.Length / 2]) / 2;
        return new DigestIncidents(incidents.Count, acknowledge.Length, median);
    }

    /// <summary>At most <see cref="PostLength"/> characters and an ellipsis, never cutting a surrogate pair in two.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= PostLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[PostLength - 1]) ? PostLength - 1 : PostLength;
        return text[..cut].TrimEnd() + "…";
    }
}
