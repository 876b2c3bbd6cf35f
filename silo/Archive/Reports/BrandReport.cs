using Pulse.Analytics.Reports;
using Pulse.Grains.Alerts;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive.Annotations;

namespace Pulse.Silo.Archive.Reports;

/// <summary>How a report's series are bucketed: hours up to a week, days beyond.</summary>
public enum ReportResolution
{
    Hour,
    Day,
}

/// <summary>
/// What `GET /api/brands/{id}/report` answers: a brand's period, optionally against a comparison period, from the
/// archive's rollups (volume, sentiment, engagement, channels, share of voice) and raw mentions (top posts and authors,
/// rising terms), with the period's incidents and annotations. Durations are in seconds.
/// </summary>
public sealed record BrandReport(
    string BrandId,
    string BrandName,
    TimeRange Period,
    TimeRange? Comparison,
    ReportResolution Resolution,
    ReportTotals Totals,
    ReportTotals? ComparisonTotals,
    PeriodLift? Change,
    IReadOnlyList<ReportBucket> Series,
    IReadOnlyList<ReportBucket>? ComparisonSeries,
    IReadOnlyList<ChannelShare> Channels,
    IReadOnlyList<VoiceShare> ShareOfVoice,
    IReadOnlyList<MentionView> TopPosts,
    IReadOnlyList<AuthorActivity> TopAuthors,
    RisingTermsSection RisingTerms,
    IReadOnlyList<IncidentReport> Incidents,
    IReadOnlyList<AnnotationLift> Annotations);

/// <summary>Counts of a period or bucket. Net sentiment is (positive − negative) / mentions.</summary>
public sealed record ReportTotals(long Mentions, long Positive, long Neutral, long Negative, double? MeanSentiment, double? NetSentiment, long Engagement, long Reach)
{
    public static ReportTotals Of(long mentions, long positive, long neutral, long negative, double sentimentSum, long engagement, long reach) =>
        new(mentions, positive, neutral, negative, mentions == 0 ? null : sentimentSum / mentions,
            mentions == 0 ? null : (positive - negative) / (double)mentions, engagement, reach);

    public PeriodTotals AsPeriod() => new(Mentions, MeanSentiment, Engagement);
}

public sealed record ReportBucket(DateTimeOffset Start, ReportTotals Totals);

public sealed record ChannelShare(string Channel, double Share, ReportTotals Totals);

public sealed record VoiceShare(string BrandId, string Name, long Mentions, double Share);

public sealed record AuthorActivity(string Author, long Mentions, long Engagement);

/// <summary>Rising terms, from the newest <see cref="SampledPosts"/> posts of the period against as many of the baseline.</summary>
public sealed record RisingTermsSection(TimeRange Baseline, int SampledPosts, int SampledBaselinePosts, IReadOnlyList<TermRiseBetween> Terms);

/// <summary>
/// An alert of the period with its response times: detect (the spike's start to the alert), acknowledge and resolve
/// (from the alert), and sentiment recovery (from the spike's start back to the pre-incident baseline).
/// </summary>
public sealed record IncidentReport(
    string AlertId,
    AlertKind Kind,
    int Severity,
    AlertState State,
    string Message,
    IReadOnlyList<string> Channels,
    DateTimeOffset AlertedAt,
    DateTimeOffset? SpikeStart,
    double? TimeToDetectSeconds,
    DateTimeOffset? AcknowledgedAt,
    double? TimeToAcknowledgeSeconds,
    DateTimeOffset? ResolvedAt,
    double? TimeToResolveSeconds,
    double? SentimentRecoverySeconds);

/// <summary>An annotation and the change across it: the same length of time before and after it.</summary>
public sealed record AnnotationLift(Annotation Annotation, TimeRange Before, TimeRange After, PeriodLift Lift);
