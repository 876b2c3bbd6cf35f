using Orleans.Concurrency;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Notifications;

[StatelessWorker]
[Reentrant]
internal sealed class DashboardNotifierGrain : Grain, IDashboardNotifierGrain
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(5);

    private List<ChannelSnapshot> _channels = [];
    private List<BrandSummary> _brands = [];
    private List<Alert> _alerts = [];
    private IDashboardObserver[] _observers = [];
    private DateTimeOffset _observersFetched = DateTimeOffset.MinValue;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

    public Task PublishAsync(ChannelSnapshot snapshot)
    {
        _channels.Add(snapshot);
        return Task.CompletedTask;
    }

    public Task PublishAsync(BrandSummary summary)
    {
        _brands.Add(summary);
        return Task.CompletedTask;
    }

    public Task PublishAsync(Alert alert)
    {
        _alerts.Add(alert);
        return Task.CompletedTask;
    }

    private async Task FlushAsync()
    {
        if (_channels.Count == 0 && _brands.Count == 0 && _alerts.Count == 0)
        {
            return;
        }

        var update = new DashboardUpdate([.. _channels], [.. _brands], [.. _alerts]);
        _channels = [];
        _brands = [];
        _alerts = [];

        var now = DateTimeOffset.UtcNow;
        if (now - _observersFetched > ObserverRefresh)
        {
            _observers = await GrainFactory.GetGrain<IDashboardObserverRegistryGrain>(IDashboardObserverRegistryGrain.Key).GetObserversAsync();
            _observersFetched = now;
        }

        foreach (var observer in _observers)
        {
            // One-way: a slow or vanished host must not hold up the others.
            _ = observer.OnUpdateAsync(update);
        }
    }
}
