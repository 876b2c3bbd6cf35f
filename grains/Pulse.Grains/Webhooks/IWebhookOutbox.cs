namespace Pulse.Grains.Webhooks;

/// <summary>Where grains drop notifications: never blocks, so a slow receiver cannot stall a grain.</summary>
public interface IWebhookOutbox
{
    /// <summary>False when the outbox is full (the caller records the notification as dropped).</summary>
    bool TryEnqueue(WebhookJob job);
}
