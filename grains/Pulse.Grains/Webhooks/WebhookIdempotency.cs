using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;

namespace Pulse.Grains.Webhooks;

/// <summary>
/// The key every delivery carries ("Idempotency-Key" header; "idempotencyKey" in the JSON format): one per alert, event
/// and webhook (or per brand, digest week and webhook), the same on every retry, on a re-send after a silo crash and on a
/// digest sent again by hand, so a receiver can drop what it already has.
/// </summary>
public static class WebhookIdempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// "nordtakt:12:opened:9f86d081884c7d65". An alert escalates more than once, and each escalation is news: its event
    /// part counts them ("escalated-2"). The webhook part is a hash, since the URL itself is usually the webhook's secret.
    /// </summary>
    public static string Key(Alert alert, string @event, WebhookTarget target)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(target);
        var occurrence = @event == WebhookEvents.Escalated
            ? string.Create(CultureInfo.InvariantCulture, $"{@event}-{alert.History.Count(h => h.Action == AlertIncidents.EscalateAction)}")
            : @event;
        return $"{alert.Id}:{occurrence}:{Hash(target)}";
    }

    /// <summary>
    /// "nordtakt:digest-2026-W10:9f86d081884c7d65": one per brand, ISO week and webhook, whether the schedule sent it or a
    /// person did (again) that week.
    /// </summary>
    public static string Key(string brandId, DigestWeek week, WebhookTarget target)
    {
        ArgumentNullException.ThrowIfNull(brandId);
        ArgumentNullException.ThrowIfNull(target);
        return $"{brandId}:{WebhookEvents.Digest}-{week}:{Hash(target)}";
    }

    // 64 bits of SHA-256: no collision between one brand's few webhooks, and nothing of the URL to read back.
    private static string Hash(WebhookTarget target) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{target.Format} {target.Url}")))[..16];
}
