using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;
using Pulse.Grains.Stats;

namespace Pulse.Dashboard.Api;

/// <summary>
/// Read-only views of the windows: what dashboards load before live updates take over. Each answers within the caller's
/// team (<see cref="IBrandVisibility"/>): a brand outside it is not found, exactly as an unknown one.
/// </summary>
public static class ReadApi
{
    private const int MaxSeriesPoints = 1440;
    private const int MaxMentions = 200;

    /// <summary>The read API under /api, for callers who pass <paramref name="readPolicy"/>.</summary>
    public static IEndpointRouteBuilder MapPulseReadApi(this IEndpointRouteBuilder app, string readPolicy)
    {
        var api = app.MapGroup("/api").WithTags("Read").RequireAuthorization(readPolicy);
        api.MapGet("/channels", (IOptions<ChannelOptions> channels) => TypedResults.Ok(channels.Value.Channels)).WithName("GetChannels");
        api.MapGet("/overview", GetOverviewAsync).WithName("GetOverview");
        api.MapGet("/brands/{id}/stats", GetStatsAsync).WithName("GetBrandStats");
        api.MapGet("/brands/{id}/series", GetSeriesAsync).WithName("GetBrandSeries");
        api.MapGet("/brands/{id}/mentions", GetMentionsAsync).WithName("GetBrandMentions");
        return app;
    }

    private static async Task<Results<Ok<OverviewResponse>, ProblemHttpResult>> GetOverviewAsync(
        IGrainFactory grains, TimeProvider clock, IBrandVisibility visibility, ClaimsPrincipal user, string? window = "5m")
    {
        if (!TryWindow(window, out var span, out var problem))
        {
            return problem;
        }

        var scope = visibility.ScopeOf(user);
        var catalog = await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetAsync();
        var stats = await Task.WhenAll(catalog.Brands.Where(b => scope.Includes(b.Id)).Select(b => grains.GetGrain<IBrandGrain>(b.Id).GetStatsAsync(span, window!)));
        // Share of voice among the brands the caller sees: a team compares its own brands (their shares add up to 1), and
        // a share of everyone's volume would give away the other teams' total (a brand's count divided by its share).
        var all = stats.Sum(s => s.Total.Count);
        var brands = stats.Select(s => new BrandShare(s.BrandId, s.Name, s.Total, all == 0 ? 0 : (double)s.Total.Count / all)).ToArray();
        return TypedResults.Ok(new OverviewResponse(clock.GetUtcNow(), window!, brands));
    }

    private static async Task<Results<Ok<BrandStats>, ProblemHttpResult>> GetStatsAsync(string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, string? window = "5m")
    {
        if (!TryWindow(window, out var span, out var problem))
        {
            return problem;
        }

        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        return TypedResults.Ok(await grains.GetGrain<IBrandGrain>(brand.Id).GetStatsAsync(span, window!));
    }

    private static async Task<Results<Ok<BrandSeries>, ProblemHttpResult>> GetSeriesAsync(string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, string? resolution = "1s", int points = 120)
    {
        if (!WindowNames.Resolutions.TryGetValue(resolution ?? "", out var step))
        {
            return ApiProblems.Invalid("resolution", $"Unknown resolution '{resolution}'. Use one of: {string.Join(", ", WindowNames.Resolutions.Keys)}.");
        }

        if (points is < 1 or > MaxSeriesPoints)
        {
            return ApiProblems.Invalid("points", $"points must be between 1 and {MaxSeriesPoints}.");
        }

        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        return TypedResults.Ok(await grains.GetGrain<IBrandGrain>(brand.Id).GetSeriesAsync(step, resolution!, points));
    }

    private static async Task<Results<Ok<MentionView[]>, ProblemHttpResult>> GetMentionsAsync(string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, int limit = 50)
    {
        if (limit is < 1 or > MaxMentions)
        {
            return ApiProblems.Invalid("limit", $"limit must be between 1 and {MaxMentions}.");
        }

        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        return TypedResults.Ok(await grains.GetGrain<IBrandGrain>(brand.Id).GetLatestAsync(limit));
    }

    private static bool TryWindow(string? window, out TimeSpan span, out ProblemHttpResult problem)
    {
        problem = null!;
        if (WindowNames.Windows.TryGetValue(window ?? "", out span))
        {
            return true;
        }

        problem = ApiProblems.Invalid("window", $"Unknown window '{window}'. Use one of: {string.Join(", ", WindowNames.Windows.Keys)}.");
        return false;
    }

}
