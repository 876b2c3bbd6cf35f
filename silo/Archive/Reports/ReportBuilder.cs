using Pulse.Analytics.Reports;
using Pulse.Silo.Archive.Annotations;
using Pulse.Silo.Archive.Search;

namespace Pulse.Silo.Archive.Reports;

/// <summary>
/// Builds a <see cref="BrandReport"/>: the archive's reads (<see cref="ReportReader"/>, search for top posts,
/// annotations, alerts), and the pure analytics of <c>Pulse.Analytics.Reports</c> for what they mean.
/// </summary>
public sealed class ReportBuilder(ArchiveDatabase database, MentionSearch search, AnnotationStore annotations)
{
    public const int TopCount = 10;

    /// <summary>Posts per period read for rising terms: enough for a term in 1 % of them to show, bounded in time and memory.</summary>
    public const int TermSample = 5_000;

    /// <summary>Where a spike's start is looked for before its alert, and the quiet hours before that it is measured against.</summary>
    private static readonly TimeSpan SpikeSearch = TimeSpan.FromHours(2);
    private static readonly TimeSpan SpikeBaseline = TimeSpan.FromHours(4);

    /// <summary>Sentiment's baseline before an incident (a full daily cycle), and how long after it recovery is looked for.</summary>
    private static readonly TimeSpan RecoveryBaseline = TimeSpan.FromHours(24);
    private static readonly TimeSpan RecoveryHorizon = TimeSpan.FromDays(7);

    /// <summary>A point annotation's before and after windows: one day each, so both cover every hour of the daily cycle.</summary>
    private static readonly TimeSpan PointLiftWindow = TimeSpan.FromDays(1);

    public async Task<BrandReport> BuildAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolution = request.Resolution;
        await using var connection = await database.OpenAsync(cancellationToken);
        var reader = new ReportReader(connection);
        var series = await reader.SeriesAsync(request.BrandId, resolution, request.Period, cancellationToken);
        var totals = Sum(series);
        IReadOnlyList<ReportBucket>? comparisonSeries = null;
        ReportTotals? comparisonTotals = null;
        if (request.Comparison is { } comparison)
        {
            comparisonSeries = await reader.SeriesAsync(request.BrandId, resolution, comparison, cancellationToken);
            comparisonTotals = Sum(comparisonSeries);
        }

        var channels = (await reader.ChannelsAsync(request.BrandId, resolution, request.Period, cancellationToken))
            .Select(c => new ChannelShare(c.Channel, totals.Mentions == 0 ? 0 : c.Totals.Mentions / (double)totals.Mentions, c.Totals)).ToArray();
        var voices = await ShareOfVoiceAsync(reader, request, cancellationToken);
        var topPosts = (await search.SearchAsync(
            new MentionSearchQuery([request.BrandId], null, request.Period.From, request.Period.To, null, null, null, MentionSearchSort.Engagement, null, TopCount),
            cancellationToken)).Items;
        var topAuthors = await reader.TopAuthorsAsync(request.BrandId, request.Period, TopCount, cancellationToken);
        var terms = await RisingTermsAsync(request, cancellationToken);
        var incidents = await IncidentsAsync(reader, request, cancellationToken);
        var lifts = await AnnotationLiftsAsync(reader, request, cancellationToken);
        return new BrandReport(
            request.BrandId, request.BrandName, request.Period, request.Comparison, resolution, totals, comparisonTotals,
            comparisonTotals is null ? null : PeriodLift.Between(comparisonTotals.AsPeriod(), totals.AsPeriod()),
            series, comparisonSeries, channels, voices, topPosts, topAuthors, terms, incidents, lifts);
    }

    /// <summary>The texts of the brand's newest <see cref="TermSample"/> mentions in the range.</summary>
    private async Task<IEnumerable<string>> NewestTextsAsync(string brand, TimeRange range, CancellationToken cancellationToken)
    {
        var query = new MentionSearchQuery([brand], null, range.From, range.To, null, null, null, MentionSearchSort.Time, null, TermSample);
        return (await search.BestAsync(query, TermSample, cancellationToken)).Select(m => m.Mention.Text);
    }

    private static ReportTotals Sum(IReadOnlyList<ReportBucket> series) => ReportTotals.Of(
        series.Sum(b => b.Totals.Mentions), series.Sum(b => b.Totals.Positive), series.Sum(b => b.Totals.Neutral), series.Sum(b => b.Totals.Negative),
        series.Sum(b => (b.Totals.MeanSentiment ?? 0) * b.Totals.Mentions), series.Sum(b => b.Totals.Engagement), series.Sum(b => b.Totals.Reach));

    private static async Task<IReadOnlyList<VoiceShare>> ShareOfVoiceAsync(ReportReader reader, ReportRequest request, CancellationToken cancellationToken)
    {
        var brands = new List<(string Id, string Name)> { (request.BrandId, request.BrandName) };
        brands.AddRange(request.Competitors);
        var volumes = await reader.VolumesAsync(brands.Select(b => b.Id).ToArray(), request.Resolution, request.Period, cancellationToken);
        var all = volumes.Values.Sum();
        return brands.Select(b => new VoiceShare(b.Id, b.Name, volumes.GetValueOrDefault(b.Id), all == 0 ? 0 : volumes.GetValueOrDefault(b.Id) / (double)all)).ToArray();
    }

    private async Task<RisingTermsSection> RisingTermsAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var terms = new RisingTermsBetween();
        foreach (var text in await NewestTextsAsync(request.BrandId, request.Period, cancellationToken))
        {
            terms.Observe(text, baseline: false);
        }

        foreach (var text in await NewestTextsAsync(request.BrandId, request.TermsBaseline, cancellationToken))
        {
            terms.Observe(text, baseline: true);
        }

        return new RisingTermsSection(request.TermsBaseline, terms.Posts, terms.BaselinePosts, terms.Top(TopCount * 2));
    }

    private static async Task<IReadOnlyList<IncidentReport>> IncidentsAsync(ReportReader reader, ReportRequest request, CancellationToken cancellationToken)
    {
        var alerts = await reader.AlertsAsync(request.BrandId, request.Period, cancellationToken);
        var incidents = new List<IncidentReport>(alerts.Count);
        foreach (var alert in alerts)
        {
            var at = alert.StartedAt;
            var window = await reader.MinutesAsync(request.BrandId, alert.Channels, new TimeRange(at - SpikeSearch, at.AddMinutes(1)), cancellationToken);
            var baseline = await reader.MinutesAsync(request.BrandId, alert.Channels, new TimeRange(at - SpikeSearch - SpikeBaseline, at - SpikeSearch), cancellationToken);
            var spikeStart = IncidentTimeline.SpikeStart(window, baseline, SpikeBaseline, at);
            var start = spikeStart ?? at;
            var hours = await reader.SeriesAsync(request.BrandId, ReportResolution.Hour, new TimeRange(start - RecoveryBaseline, start + RecoveryHorizon), cancellationToken);
            var recovery = IncidentTimeline.SentimentRecovery(
                hours.Select(h => new TimeBucket(h.Start, h.Totals.Mentions, (h.Totals.MeanSentiment ?? 0) * h.Totals.Mentions)).ToArray(),
                start);
            var (acknowledged, resolved) = (alert.AcknowledgedAt, alert.ResolvedAt);
            incidents.Add(new IncidentReport(
                alert.Id, alert.Kind, alert.Severity, alert.State, alert.Message, alert.Channels, at, spikeStart,
                spikeStart is { } s ? Math.Max(0, (at - s).TotalSeconds) : null,
                acknowledged, acknowledged is { } a ? (a - at).TotalSeconds : null,
                resolved, resolved is { } r ? (r - at).TotalSeconds : null,
                recovery?.TotalSeconds));
        }

        return incidents;
    }

    private async Task<IReadOnlyList<AnnotationLift>> AnnotationLiftsAsync(ReportReader reader, ReportRequest request, CancellationToken cancellationToken)
    {
        var lifts = new List<AnnotationLift>();
        foreach (var annotation in await annotations.ListAsync(request.BrandId, request.Period.From, request.Period.To, cancellationToken))
        {
            // Whole hours, as the hourly rollups hold them: the hour the annotation falls in starts its after side.
            var hour = ReportRequest.Align(new TimeRange(annotation.StartsAt, annotation.StartsAt), ReportResolution.Hour).From;
            var window = TimeSpan.FromHours(Math.Ceiling((annotation.EndsAt is { } ends ? ends - annotation.StartsAt : PointLiftWindow).TotalHours));
            var before = new TimeRange(hour - window, hour);
            var after = new TimeRange(hour, hour + window);
            var beforeTotals = Sum(await reader.SeriesAsync(request.BrandId, ReportResolution.Hour, before, cancellationToken));
            var afterTotals = Sum(await reader.SeriesAsync(request.BrandId, ReportResolution.Hour, after, cancellationToken));
            lifts.Add(new AnnotationLift(annotation, before, after, PeriodLift.Between(beforeTotals.AsPeriod(), afterTotals.AsPeriod())));
        }

        return lifts;
    }
}
