using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

[GenerateSerializer]
public sealed class BrandAlertsState
{
    [Id(0)]
    public long NextNumber { get; set; } = 1;

    /// <summary>Newest last; trimmed to the most recent alerts so state stays small.</summary>
    [Id(1)]
    public List<Alert> Alerts { get; set; } = [];

    [Id(2)]
    public AlertSettings Settings { get; set; } = AlertSettings.Default;

    /// <summary>Webhook deliveries not yet delivered nor given up: re-sent from here when the silo that queued them is gone.</summary>
    [Id(3)]
    public List<PendingDelivery> PendingDeliveries { get; set; } = [];
}
