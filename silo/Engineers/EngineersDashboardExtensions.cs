using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Orleans.Dashboard;

namespace Pulse.Silo.Engineers;

/// <summary>The Orleans dashboard for engineers at <see cref="Route"/>, behind the "Engineers" scheme.</summary>
public static class EngineersDashboardExtensions
{
    public const string Route = "/orleans";
    public const string Policy = "Engineers";

    /// <summary>
    /// Options (section "Pulse:Engineers", validated at start), the authentication scheme and the policy. The Orleans
    /// side (<c>AddDashboard()</c> on the silo or client builder) is added by the silo and client hosting.
    /// </summary>
    public static IServiceCollection AddEngineersDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EngineersOptions>().BindConfiguration(EngineersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, EngineersAuthenticationHandler>(EngineersAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(EngineersAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapEngineersDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOrleansDashboard(Route).RequireAuthorization(Policy);
        return app;
    }
}
