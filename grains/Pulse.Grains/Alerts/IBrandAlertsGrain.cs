using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

/// <summary>
/// A brand's alerts (key = brand id): merges detector signals into incidents, keeps their lifecycle,
/// holds the brand's alert settings and notifies its webhooks.
/// </summary>
public interface IBrandAlertsGrain : IGrainWithStringKey
{
    Task SignalAsync(AlertSignal signal);

    Task<Alert[]> ListAsync(AlertState? state, DateTimeOffset? since);

    /// <summary>
    /// Null when no such alert. Acknowledging an acknowledged alert is a no-op that returns it unchanged (the note is not
    /// recorded); acknowledging a resolved one throws <see cref="InvalidOperationException"/>; a note or name past
    /// <see cref="AlertHistory"/>'s limits throws <see cref="ArgumentException"/>.
    /// </summary>
    Task<Alert?> AcknowledgeAsync(string alertId, string by, string? note);

    /// <summary>As <see cref="AcknowledgeAsync"/>; resolving a resolved alert is a no-op that returns it unchanged.</summary>
    Task<Alert?> ResolveAsync(string alertId, string by, string? note);

    Task<AlertSettings> GetSettingsAsync();

    /// <summary>Replaces the settings (validated by the caller); webhooks held by quiet hours that no longer apply go out.</summary>
    Task SetSettingsAsync(AlertSettings settings);

    /// <summary>
    /// The brand was deleted: its settings go (webhooks included), so a brand created later under the same id does not
    /// notify the old receivers; held notifications are dropped. Its alerts stay as history.
    /// </summary>
    Task ForgetSettingsAsync();

    /// <summary>
    /// The delivery service reports an attempt's outcome for the delivery with idempotency key <paramref name="key"/>: it
    /// replaces the alert's entry for that (webhook, event), and a delivered or failed one is no longer pending.
    /// </summary>
    Task RecordDeliveryAsync(string alertId, string key, WebhookDelivery delivery);
}
