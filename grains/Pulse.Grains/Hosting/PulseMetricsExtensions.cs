using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Grains.Telemetry;

namespace Pulse.Grains;

public static class PulseMetricsExtensions
{
    /// <summary>
    /// Pulse's instruments (<see cref="PulseMetrics"/>), for every host that records them: silos, sources and the dashboard.
    /// Safe to call more than once. What exports them is the host's choice (the silo's AddPulseTelemetry).
    /// </summary>
    public static IServiceCollection AddPulseMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PulseMetrics>();
        return services;
    }
}
