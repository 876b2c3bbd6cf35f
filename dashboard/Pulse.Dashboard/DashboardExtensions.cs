using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Hubs;
using Pulse.Dashboard.Live;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Grains.Alerts;

namespace Pulse.Dashboard;

public static class DashboardExtensions
{
    /// <summary>Where the live hub is mapped.</summary>
    public const string HubPath = "/hubs/pulse";

    /// <summary>
    /// SignalR, the hub's limits ("Pulse:Hub"), who may see which brand (<see cref="IBrandVisibility"/>: everyone every
    /// brand unless the host registers its own; the silo's reads the caller's team) and the forwarder that carries grain updates to this host's browsers.
    /// Needs an Orleans silo or client in the host.
    /// </summary>
    public static IServiceCollection AddPulseDashboard(this IServiceCollection services)
    {
        // The hub's JSON names alert kinds and states as CONTRACT.md does.
        services.AddSignalR().AddJsonProtocol(o => AlertWireNames.AddJsonConverters(o.PayloadSerializerOptions.Converters));
        services.AddOptions<LiveHubOptions>().BindConfiguration(LiveHubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IBrandVisibility, EveryBrandVisible>();
        services.TryAddSingleton<IHubCallerCheck, EveryCallerCurrent>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubConnections>();
        services.AddPulseMetrics();
        services.AddHostedService<HubCallerRecheck>();
        services.AddSingleton<HubForwarder>();
        services.AddHostedService<HubForwarderRegistration>();
        return services;
    }

    /// <summary>
    /// The hub at /hubs/pulse and the read API under /api, both for callers who pass <paramref name="readPolicy"/>: the
    /// host names its policy, so this project needs no knowledge of keys, roles or sign-in.
    /// </summary>
    public static IEndpointRouteBuilder MapPulseDashboard(this IEndpointRouteBuilder app, string readPolicy)
    {
        // A session's connection closes when its sign-in expires; revocations are HubCallerRecheck's.
        app.MapHub<PulseHub>(HubPath, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(readPolicy);
        app.MapPulseReadApi(readPolicy);
        return app;
    }
}
