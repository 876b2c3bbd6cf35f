using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Engineers;

/// <summary>The Orleans dashboard for engineers at <see cref="Route"/>, for admins only.</summary>
public static class EngineersDashboardExtensions
{
    public const string Route = "/orleans";

    /// <summary>The section of the dashboard's own scheme, which the admin policy replaced.</summary>
    public const string RetiredSection = "Pulse:Engineers";

    /// <summary>
    /// Refuses to start with the retired "Pulse:Engineers" settings: an operator relying on that password should learn
    /// that /orleans now takes an admin (key or sign-in), not find out when the old password stops working. The Orleans
    /// side (<c>AddDashboard()</c> on the silo or client builder) is added by the silo and client hosting.
    /// </summary>
    public static IServiceCollection AddEngineersDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PulseAuthOptions>()
            .Validate(
                _ => !configuration.GetSection(RetiredSection).GetChildren().Any(),
                $"{RetiredSection}:User/Password are retired: the Orleans dashboard ({Route}) now takes an admin API key or an admin's sign-in. Remove them.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The Orleans dashboard has no authentication of its own; the admin policy is in front of all of it, for admins of
    /// every brand: it lists every grain, and brand grains are keyed by brand id. Mapped only when switched on
    /// (<see cref="OrleansDashboardHosting.EnabledKey"/>); otherwise /orleans is not found.
    /// </summary>
    public static IEndpointRouteBuilder MapEngineersDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!OrleansDashboardHosting.IsEnabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return app;
        }

        app.MapOrleansDashboard(Route).RequireAuthorization(PulsePolicies.Admin, PulsePolicies.EveryBrand);
        return app;
    }
}
