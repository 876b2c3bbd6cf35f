using System.Globalization;
using System.Text;
using Pulse.Grains.Alerts;
using Pulse.Silo.Archive.Annotations;

namespace Pulse.Silo.Archive.Reports;

/// <summary>A report section as a table a spreadsheet opens.</summary>
public enum ReportSection
{
    Series,
    Channels,
    ShareOfVoice,
    TopPosts,
    TopAuthors,
    RisingTerms,
    Incidents,
    Annotations,
}

/// <summary>
/// A report's sections as CSV (RFC 4180: comma, CRLF, fields quoted when they need it), one table per section. Text
/// from posts is untrusted: a cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is written
/// with a leading apostrophe, as OWASP advises against CSV injection.
/// </summary>
public static class ReportCsv
{
    public static string Write(BrandReport report, ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        switch (section)
        {
            case ReportSection.Series:
                Row(csv, "period", "start", "mentions", "positive", "neutral", "negative", "mean_sentiment", "net_sentiment", "engagement", "reach");
                foreach (var (period, buckets) in (ValueTuple<string, IReadOnlyList<ReportBucket>?>[])[("current", report.Series), ("comparison", report.ComparisonSeries)])
                {
                    foreach (var b in buckets ?? [])
                    {
                        Row(csv, [period, Time(b.Start), .. TotalsCells(b.Totals)]);
                    }
                }

                break;
            case ReportSection.Channels:
                Row(csv, "channel", "share", "mentions", "positive", "neutral", "negative", "mean_sentiment", "net_sentiment", "engagement", "reach");
                foreach (var c in report.Channels)
                {
                    Row(csv, [c.Channel, Number(c.Share), .. TotalsCells(c.Totals)]);
                }

                break;
            case ReportSection.ShareOfVoice:
                Row(csv, "brand_id", "name", "mentions", "share");
                foreach (var v in report.ShareOfVoice)
                {
                    Row(csv, v.BrandId, v.Name, Number(v.Mentions), Number(v.Share));
                }

                break;
            case ReportSection.TopPosts:
                Row(csv, "published_at", "channel", "author", "url", "likes", "shares", "comments", "reach", "label", "sentiment", "text");
                foreach (var p in report.TopPosts)
                {
                    Row(csv, Time(p.Timestamp), p.Channel, p.Author ?? "", p.Url ?? "", Number(p.Likes), Number(p.Shares), Number(p.Comments), Number(p.Reach), p.Label, Number(p.Sentiment), p.Text);
                }

                break;
            case ReportSection.TopAuthors:
                Row(csv, "author", "mentions", "engagement");
                foreach (var a in report.TopAuthors)
                {
                    Row(csv, a.Author, Number(a.Mentions), Number(a.Engagement));
                }

                break;
            case ReportSection.RisingTerms:
                Row(csv, "term", "posts", "baseline_posts", "lift", "z");
                foreach (var t in report.RisingTerms.Terms)
                {
                    Row(csv, t.Term, Number(t.Posts), Number(t.BaselinePosts), Number(t.Lift), Number(t.Z));
                }

                break;
            case ReportSection.Incidents:
                Row(csv, "alert_id", "kind", "severity", "state", "alerted_at", "spike_start", "time_to_detect_s", "time_to_acknowledge_s", "time_to_resolve_s", "sentiment_recovery_s", "message");
                foreach (var i in report.Incidents)
                {
                    Row(csv, i.AlertId, AlertWireNames.Kind.Of(i.Kind), Number(i.Severity), AlertWireNames.State.Of(i.State), Time(i.AlertedAt), Time(i.SpikeStart),
                        Number(i.TimeToDetectSeconds), Number(i.TimeToAcknowledgeSeconds), Number(i.TimeToResolveSeconds), Number(i.SentimentRecoverySeconds), i.Message);
                }

                break;
            case ReportSection.Annotations:
                Row(csv, "starts_at", "ends_at", "kind", "title", "mentions_before", "mentions_after", "mentions_lift", "engagement_lift", "sentiment_change");
                foreach (var a in report.Annotations)
                {
                    Row(csv, Time(a.Annotation.StartsAt), Time(a.Annotation.EndsAt), AnnotationWireNames.Kind.Of(a.Annotation.Kind), a.Annotation.Title,
                        Number(a.Lift.Before.Mentions), Number(a.Lift.After.Mentions), Number(a.Lift.Mentions), Number(a.Lift.Engagement), Number(a.Lift.Sentiment));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section), section, null);
        }

        return csv.ToString();
    }

    private static string[] TotalsCells(ReportTotals t) =>
        [Number(t.Mentions), Number(t.Positive), Number(t.Neutral), Number(t.Negative), Number(t.MeanSentiment), Number(t.NetSentiment), Number(t.Engagement), Number(t.Reach)];

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            Cell(csv, cells[i]);
        }

        csv.Append("\r\n");
    }

    /// <summary>Numbers and times are ours; any other cell may be a post's text, so every cell is guarded the same way.</summary>
    internal static void Cell(StringBuilder csv, string value)
    {
        var guarded = value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r' || (value.StartsWith('-') && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? "'" + value
            : value;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            csv.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            csv.Append(guarded);
        }
    }
}
