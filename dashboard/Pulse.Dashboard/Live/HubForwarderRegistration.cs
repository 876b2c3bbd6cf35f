using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulse.Grains.Notifications;

namespace Pulse.Dashboard.Live;

/// <summary>
/// Registers this host's <see cref="HubForwarder"/> with the cluster and renews it every 20 s;
/// the registry forgets hosts that stop renewing (see GPSTracker's hub list).
/// </summary>
internal sealed partial class HubForwarderRegistration(
    IGrainFactory grains,
    HubForwarder forwarder,
    IServiceProvider services,
    ILogger<HubForwarderRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IDashboardObserver>(forwarder);
        var registry = grains.GetGrain<IDashboardObserverRegistryGrain>(IDashboardObserverRegistryGrain.Key);
        // Set in a silo host (the registry drops the forwarder as soon as that silo is declared dead), null on a client.
        var silo = services.GetService<ILocalSiloDetails>()?.SiloAddress;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = Renewal;
                try
                {
                    await registry.RegisterAsync(reference, silo);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Orleans reports a call that timed out as a cancellation too: only the host stopping ends the loop.
                    // Typically the silo is still starting: try again soon so live updates begin promptly.
                    LogRegistrationFailed(ex);
                    next = RetryDelay;
                }

                await Task.Delay(next, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            grains.DeleteObjectReference<IDashboardObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register this host for live dashboard updates; retrying")]
    private partial void LogRegistrationFailed(Exception exception);
}
