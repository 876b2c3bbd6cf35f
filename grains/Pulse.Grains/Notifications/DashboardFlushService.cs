using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pulse.Grains.Notifications;

/// <summary>
/// Sends the silo's <see cref="DashboardOutbox"/> to every registered web host in one batch every 100 ms (the GPSTracker
/// pattern: buffer, flush on a short timer, no backplane).
/// </summary>
internal sealed partial class DashboardFlushService(
    DashboardOutbox outbox,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<DashboardFlushService> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(5);

    private IDashboardObserver[] _observers = [];
    private DateTimeOffset _observersFetched = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }

        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (outbox.Drain() is not { } update)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (now - _observersFetched > ObserverRefresh)
        {
            try
            {
                _observers = await grains.GetGrain<IDashboardObserverRegistryGrain>(IDashboardObserverRegistryGrain.Key).GetObserversAsync();
                _observersFetched = now;
            }
            catch (Exception ex)
            {
                // Silo starting or stopping, or a call that timed out (Orleans reports that as a cancellation too): keep the
                // last known hosts and try again at the next flush. The loop, not this call, ends the service.
                LogRegistryUnavailable(ex.Message);
            }
        }

        foreach (var observer in _observers)
        {
            try
            {
                // One-way: a slow or vanished host must not hold up the others.
                _ = observer.OnUpdateAsync(update);
            }
            catch (Exception ex)
            {
                LogSendFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard registry unavailable, using the last known hosts: {Reason}")]
    private partial void LogRegistryUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A dashboard host could not be sent an update: {Reason}")]
    private partial void LogSendFailed(string reason);
}
