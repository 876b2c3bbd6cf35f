using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Pulse.Grains.Notifications;

internal sealed class DashboardObserverRegistryGrain(IClusterMembershipService membership, ILogger<DashboardObserverRegistryGrain> logger)
    : Grain, IDashboardObserverRegistryGrain
{
    /// <summary>Three missed re-registrations (every 20 s) and a host is dropped.</summary>
    private readonly ObserverManager<IDashboardObserver> _observers = new(TimeSpan.FromSeconds(60), logger);

    /// <summary>The silo each silo-hosted forwarder lives in.</summary>
    private readonly Dictionary<IDashboardObserver, SiloAddress> _silos = [];

    public Task RegisterAsync(IDashboardObserver observer, SiloAddress? silo)
    {
        _observers.Subscribe(observer, observer);
        if (silo is not null)
        {
            _silos[observer] = silo;
        }

        return Task.CompletedTask;
    }

    public Task UnregisterAsync(IDashboardObserver observer)
    {
        _observers.Unsubscribe(observer);
        _silos.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<IDashboardObserver[]> GetObserversAsync()
    {
        _observers.ClearExpired();
        // A forwarder whose silo was declared dead cannot receive anything: without this, every silo would send it an
        // update every 100 ms until it expires, each one failing with retries and error logs.
        var snapshot = membership.CurrentSnapshot;
        foreach (var (observer, silo) in _silos.ToArray())
        {
            if (snapshot.GetSiloStatus(silo) == SiloStatus.Dead || !_observers.Observers.ContainsKey(observer))
            {
                _observers.Unsubscribe(observer);
                _silos.Remove(observer);
            }
        }

        return Task.FromResult(_observers.Observers.Values.ToArray());
    }
}
