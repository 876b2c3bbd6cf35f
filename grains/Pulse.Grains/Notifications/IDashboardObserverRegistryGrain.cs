namespace Pulse.Grains.Notifications;

/// <summary>
/// Which web hosts want live updates (key <see cref="Key"/>). Hosts re-register periodically;
/// ones that stop doing so (crashed, left the cluster) expire.
/// </summary>
public interface IDashboardObserverRegistryGrain : IGrainWithStringKey
{
    const string Key = "dashboards";

    Task RegisterAsync(IDashboardObserver observer);

    Task UnregisterAsync(IDashboardObserver observer);

    Task<IDashboardObserver[]> GetObserversAsync();
}
