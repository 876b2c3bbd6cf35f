using Pulse.Grains.Alerts;

namespace Pulse.Grains.Webhooks;

/// <summary>
/// One notification to send: the alert as stored when it was queued, its <see cref="WebhookIdempotency">idempotency key</see>,
/// and the attempt to start at (above 1 when a grain re-sends a pending delivery whose earlier attempts were reported).
/// </summary>
public sealed record WebhookJob(Alert Alert, string Event, WebhookTarget Target, string Key, int FirstAttempt = 1);
