using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

[GenerateSerializer]
public sealed class BrandDigestState
{
    /// <summary>The newest week whose digest was queued: the schedule sends no week up to it again.</summary>
    [Id(0)]
    public DigestWeek? LastWeek { get; set; }

    /// <summary>Deliveries of that week's digest neither delivered nor given up: re-sent when their silo is gone.</summary>
    [Id(1)]
    public List<PendingDelivery> Pending { get; set; } = [];

    /// <summary>Each webhook's latest outcome for that week's digest.</summary>
    [Id(2)]
    public List<WebhookDelivery> Deliveries { get; set; } = [];
}
