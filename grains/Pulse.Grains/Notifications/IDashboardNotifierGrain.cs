using Orleans.Concurrency;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Notifications;

/// <summary>
/// Buffers live updates from grains and forwards them in batches to every registered web host.
/// A stateless worker, so each silo has local activations and no single grain is hot.
/// </summary>
public interface IDashboardNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(ChannelSnapshot snapshot);

    [OneWay]
    Task PublishAsync(BrandSummary summary);

    [OneWay]
    Task PublishAsync(Alert alert);
}
