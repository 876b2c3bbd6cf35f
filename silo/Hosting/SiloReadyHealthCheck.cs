using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pulse.Grains.Brands;

namespace Pulse.Silo.Hosting;

/// <summary>Ready once the host has started and a grain answers: the silo is up and joined.</summary>
internal sealed class SiloReadyHealthCheck(IHostApplicationLifetime lifetime, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("starting");
        }

        try
        {
            await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetVersionAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the silo does not answer grain calls", ex);
        }
    }
}
