using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

/// <summary>
/// A brand's weekly digest (key = brand id): remembers the last week sent, so the scheduler's repeated asks, other silos
/// and restarts send each week once; queues the digest to the brand's webhooks and hears how each delivery went.
/// </summary>
public interface IBrandDigestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sends the latest week due (<see cref="DigestSchedule.Due"/>) unless it was sent, re-sends deliveries lost with a
    /// silo, and says where the brand stands.
    /// </summary>
    Task<DigestOutcome> RunDueAsync();

    /// <summary>
    /// Sends the last full week's digest now, to every webhook, whether or not it was sent (its idempotency key is the
    /// scheduled one's, so a receiver drops a repeat); the schedule then skips that week. Throws when the archive cannot build it.
    /// </summary>
    Task<DigestSendResult> SendNowAsync();

    Task<DigestStatus> GetStatusAsync();

    /// <summary>The delivery service reports an attempt's outcome for the delivery with idempotency key <paramref name="key"/>.</summary>
    Task RecordDeliveryAsync(string key, WebhookDelivery delivery);
}
