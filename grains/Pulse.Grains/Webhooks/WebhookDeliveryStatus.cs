namespace Pulse.Grains.Webhooks;

/// <summary>Where a webhook notification stands.</summary>
public static class WebhookDeliveryStatus
{
    /// <summary>Queued, not tried yet.</summary>
    public const string Pending = "pending";

    /// <summary>An attempt failed; another follows after a backoff.</summary>
    public const string Retrying = "retrying";

    public const string Delivered = "delivered";

    /// <summary>Every attempt failed, or the receiver refused it for good (a 4xx other than 408/429, or a redirect), or its address is refused (see <see cref="Outbound.OutboundOptions"/>).</summary>
    public const string Failed = "failed";

    /// <summary>Quiet hours: sent when they end (unless severe enough to wake someone).</summary>
    public const string Held = "held";

    /// <summary>The outbox was full: the silo is behind on deliveries.</summary>
    public const string Dropped = "dropped";
}
