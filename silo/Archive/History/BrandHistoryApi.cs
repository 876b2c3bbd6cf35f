using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Silo.Archive.Annotations;
using Pulse.Silo.Archive.Reports;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Archive.History;

/// <summary>A brand's long-range chart: its rollup series over the last days, and the annotations to mark on it.</summary>
public sealed record BrandHistory(string BrandId, TimeRange Period, ReportResolution Resolution, IReadOnlyList<ReportBucket> Series, IReadOnlyList<Annotation> Annotations);

/// <summary>
/// <c>GET /api/brands/{id}/history?days=7|30|90</c>: the dashboard's long-range charts, beyond the live windows' day,
/// from the archive's rollups: hourly for a week (168 points), daily for a month or a quarter.
/// </summary>
public static class BrandHistoryApi
{
    public static IReadOnlyList<int> Spans { get; } = [7, 30, 90];

    public static IEndpointRouteBuilder MapBrandHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{id}/history", HistoryAsync).WithTags("Archive").WithName("GetBrandHistory").RequireAuthorization(PulsePolicies.Read);
        return app;
    }

    private static async Task<Results<Ok<BrandHistory>, ProblemHttpResult>> HistoryAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, IServiceProvider services, TimeProvider clock,
        CancellationToken cancellationToken, int days = 7)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<ArchiveDatabase>() is not { } database || services.GetService<AnnotationStore>() is not { } annotations)
        {
            return ArchiveProblems.Off("Long-range charts");
        }

        if (!Spans.Contains(days))
        {
            return ApiProblems.Invalid("days", $"days must be one of {string.Join(", ", Spans)}.");
        }

        var resolution = ReportRequest.ResolutionFor(TimeSpan.FromDays(days));
        var now = clock.GetUtcNow();
        // Up to the end of the current bucket, so the chart's last point is the one still filling.
        var period = ReportRequest.Align(new TimeRange(now.AddDays(-days), now), resolution);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var series = await new ReportReader(connection).SeriesAsync(brand.Id, resolution, period, cancellationToken);
            var marks = await annotations.ListAsync(brand.Id, period.From, period.To, cancellationToken);
            return TypedResults.Ok(new BrandHistory(brand.Id, period, resolution, series, marks));
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }
    }
}
