using Orleans.Dashboard;
using Pulse.Silo.Telemetry;

namespace Pulse.Silo.Engineers;

/// <summary>
/// The Orleans dashboard (<c>/orleans</c>) is opt-in, one switch for the embedded silo, cluster silos and dashboard-only
/// hosts (every host of a cluster should say the same).
/// </summary>
/// <remarks>
/// The dashboard reads Orleans' meter once a second whether anyone looks or not, and two of those instruments walk every
/// activation (one under the catalog's lock, which new activations wait for) and the directory cache. At 10 000 brands
/// (60 000 activations) that was 2–5 % of the silo's CPU under load, growing with every brand. Prometheus at /metrics,
/// read every 15 s, is the always-on view (docs/observability.md); the Orleans dashboard is for looking into a cluster.
/// </remarks>
public static class OrleansDashboardHosting
{
    /// <summary>Configuration key of <see cref="TelemetryOptions.OrleansDashboard"/>: true serves the dashboard at <c>/orleans</c>.</summary>
    public const string EnabledKey = $"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OrleansDashboard)}";

    /// <summary>Read from configuration rather than options: the Orleans builders need it before services are built.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.OrleansDashboard ?? false;

    public static ISiloBuilder AddPulseOrleansDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        IsEnabled(configuration) ? silo.AddDashboard() : silo;

    public static IClientBuilder AddPulseOrleansDashboard(this IClientBuilder client, IConfiguration configuration) =>
        IsEnabled(configuration) ? client.AddDashboard() : client;
}
