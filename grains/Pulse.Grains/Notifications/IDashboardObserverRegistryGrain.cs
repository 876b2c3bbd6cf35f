namespace Pulse.Grains.Notifications;

/// <summary>
/// Which web hosts want live updates (key <see cref="Key"/>). Hosts re-register periodically;
/// ones that stop doing so (crashed, left the cluster) expire.
/// </summary>
public interface IDashboardObserverRegistryGrain : IGrainWithStringKey
{
    const string Key = "dashboards";

    /// <param name="observer">The host's forwarder.</param>
    /// <param name="silo">The silo the forwarder lives in, or null on a dashboard-only host (an Orleans client).</param>
    Task RegisterAsync(IDashboardObserver observer, SiloAddress? silo);

    Task UnregisterAsync(IDashboardObserver observer);

    Task<IDashboardObserver[]> GetObserversAsync();
}
