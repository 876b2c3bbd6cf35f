using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Pulse.Grains.Notifications;

internal sealed class DashboardObserverRegistryGrain(ILogger<DashboardObserverRegistryGrain> logger)
    : Grain, IDashboardObserverRegistryGrain
{
    /// <summary>Three missed re-registrations (every 20 s) and a host is dropped.</summary>
    private readonly ObserverManager<IDashboardObserver> _observers = new(TimeSpan.FromSeconds(60), logger);

    public Task RegisterAsync(IDashboardObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(IDashboardObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IDashboardObserver[]> GetObserversAsync()
    {
        _observers.ClearExpired();
        return Task.FromResult(_observers.Observers.Values.ToArray());
    }
}
