using Orleans.Concurrency;
namespace Pulse.Grains.Notifications;

/// <summary>Implemented by each web host (wrapping its SignalR hub context); registered with <see cref="IDashboardObserverRegistryGrain"/>.</summary>
public interface IDashboardObserver : IGrainObserver
{
    [OneWay]
    Task OnUpdateAsync(DashboardUpdate update);
}
