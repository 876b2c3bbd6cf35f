using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Grains.Wire;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Archive.Reports;

/// <summary>
/// <c>GET /api/brands/{id}/report?from&amp;to&amp;compare=previous|FROM,TO&amp;competitors=a,b&amp;format=json|csv&amp;section=</c>:
/// what a brand's social media did over a period, the proof a marketing lead takes to a meeting. The period defaults
/// to the last 30 days; <c>compare=previous</c> sets it against the equally long period before. CSV answers one
/// section (series by default), as a spreadsheet opens one table.
/// </summary>
public static class ReportsApi
{
    public const int MaxCompetitors = 20;

    /// <summary>The daily rollups' retention: there is nothing older to report on.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(731);

    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static WireNames<ReportSection> Sections { get; } = new(
        (ReportSection.Series, "series"),
        (ReportSection.Channels, "channels"),
        (ReportSection.ShareOfVoice, "share-of-voice"),
        (ReportSection.TopPosts, "top-posts"),
        (ReportSection.TopAuthors, "top-authors"),
        (ReportSection.RisingTerms, "rising-terms"),
        (ReportSection.Incidents, "incidents"),
        (ReportSection.Annotations, "annotations"));

    public static WireNames<ReportResolution> Resolutions { get; } = new((ReportResolution.Hour, "hour"), (ReportResolution.Day, "day"));

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{id}/report", ReportAsync).WithTags("Archive").WithName("GetBrandReport").RequireAuthorization(PulsePolicies.Read);
        return app;
    }

    private static async Task<Results<Ok<BrandReport>, ContentHttpResult, ProblemHttpResult>> ReportAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, IServiceProvider services, TimeProvider clock,
        CancellationToken cancellationToken,
        string? from = null, string? to = null, string? compare = null, string? competitors = null, string? format = null, string? section = null)
    {
        var scope = visibility.ScopeOf(user);
        if (await grains.FindVisibleBrandAsync(id, scope) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<ReportBuilder>() is not { } builder)
        {
            return ArchiveProblems.Off("Reports");
        }

        if (!ArchiveTimes.TryRange(from, to, clock.GetUtcNow(), DefaultPeriod, out var period, out var problem))
        {
            return problem;
        }

        if (period.Length > MaxPeriod)
        {
            return ApiProblems.Invalid("from", $"A report covers at most {MaxPeriod.TotalDays:0} days, as long as daily rollups are kept.");
        }

        var csv = false;
        switch (format)
        {
            case null or "json":
                break;
            case "csv":
                csv = true;
                break;
            default:
                return ApiProblems.Invalid("format", $"Unknown format '{format}'. Use json or csv.");
        }

        var part = ReportSection.Series;
        if (section is not null && (!csv || !Sections.TryParse(section, out part)))
        {
            return ApiProblems.Invalid("section", csv ? $"Unknown section '{section}'. Use one of: {Sections.Known}." : "section applies to format=csv only.");
        }

        TimeRange? comparison = null;
        if (compare is "previous")
        {
            comparison = new TimeRange(period.From - period.Length, period.From);
        }
        else if (compare is not null)
        {
            var bounds = compare.Split(',');
            if (bounds.Length != 2 || !ArchiveTimes.TryRange(bounds[0], bounds[1], clock.GetUtcNow(), DefaultPeriod, out var other, out _) || bounds.Any(string.IsNullOrWhiteSpace))
            {
                return ApiProblems.Invalid("compare", "compare is 'previous' or 'FROM,TO' (ISO 8601 times, FROM before TO).");
            }

            comparison = other;
        }

        var rivals = new List<(string, string)>();
        foreach (var name in (competitors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (rivals.Count == MaxCompetitors)
            {
                return ApiProblems.Invalid("competitors", $"At most {MaxCompetitors} competitors.");
            }

            if (await grains.FindVisibleBrandAsync(name, scope) is not { } rival)
            {
                return ApiProblems.Invalid("competitors", $"No brand '{name}' is configured (or visible to you). GET /api/brands lists them.");
            }

            if (!string.Equals(rival.Id, brand.Id, StringComparison.OrdinalIgnoreCase) && !rivals.Any(r => r.Item1 == rival.Id))
            {
                rivals.Add((rival.Id, rival.Name));
            }
        }

        var resolution = ReportRequest.ResolutionFor(period.Length);
        var request = new ReportRequest(
            brand.Id, brand.Name, ReportRequest.Align(period, resolution), comparison is { } c ? ReportRequest.Align(c, resolution) : null, rivals);
        BrandReport report;
        try
        {
            report = await builder.BuildAsync(request, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }

        if (!csv)
        {
            return TypedResults.Ok(report);
        }

        return TypedResults.Text(ReportCsv.Write(report, part), "text/csv; charset=utf-8");
    }
}
