namespace Pulse.Grains.Webhooks;

/// <summary>
/// One notification to send: its <see cref="WebhookMessage">message</see> (an alert's change or a digest), its
/// <see cref="WebhookIdempotency">idempotency key</see>, and the attempt to start at (above 1 when a grain re-sends a
/// pending delivery whose earlier attempts were reported).
/// </summary>
public sealed record WebhookJob(WebhookMessage Message, WebhookTarget Target, string Key, int FirstAttempt = 1);
