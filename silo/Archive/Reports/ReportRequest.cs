namespace Pulse.Silo.Archive.Reports;

/// <summary>A validated report request: the brand, its period, an optional comparison period, competitors by id.</summary>
public sealed record ReportRequest(string BrandId, string BrandName, TimeRange Period, TimeRange? Comparison, IReadOnlyList<(string Id, string Name)> Competitors)
{
    /// <summary>Hours up to a week (168 points), days beyond: a chart of either stays readable.</summary>
    public ReportResolution Resolution => ResolutionFor(Period.Length);

    /// <summary>A local week across a clock change is 169 hours, and is still a week (the weekly digest reports on one).</summary>
    public static ReportResolution ResolutionFor(TimeSpan length) => length <= TimeSpan.FromDays(7) + TimeSpan.FromHours(1) ? ReportResolution.Hour : ReportResolution.Day;

    /// <summary>The period rising terms are measured against: the comparison, or else the equally long one before.</summary>
    public TimeRange TermsBaseline => Comparison ?? new TimeRange(Period.From - Period.Length, Period.From);

    /// <summary>The range widened to whole buckets of <paramref name="resolution"/>, as the rollups hold them.</summary>
    public static TimeRange Align(TimeRange range, ReportResolution resolution)
    {
        var unit = resolution == ReportResolution.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var from = new DateTimeOffset(range.From.UtcTicks - (range.From.UtcTicks % unit.Ticks), TimeSpan.Zero);
        var toTicks = range.To.UtcTicks % unit.Ticks == 0 ? range.To.UtcTicks : range.To.UtcTicks - (range.To.UtcTicks % unit.Ticks) + unit.Ticks;
        return new TimeRange(from, new DateTimeOffset(toTicks, TimeSpan.Zero));
    }
}
