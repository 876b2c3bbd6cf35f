using Pulse.Grains.Feeds;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Api;

/// <summary>
/// Data gaps: ingestion outages, where a channel's whole feed stopped. A system signal beside the brands' alerts, not one
/// of them: it belongs to no brand and ends by itself when mentions come again. So teams do not filter it: a channel's
/// outage is every team's news, and it names channels, never a brand.
/// </summary>
public static class DataGapsApi
{
    public static IEndpointRouteBuilder MapDataGapsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data-gaps", async (IGrainFactory grains) =>
                TypedResults.Ok(await grains.GetGrain<IFeedMonitorGrain>(IFeedMonitorGrain.Key).ListAsync()))
            .WithTags("Alerts")
            .WithName("ListDataGaps")
            .RequireAuthorization(PulsePolicies.Read);
        return app;
    }
}
