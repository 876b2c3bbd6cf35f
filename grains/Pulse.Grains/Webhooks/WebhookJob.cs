using Pulse.Grains.Alerts;

namespace Pulse.Grains.Webhooks;

/// <summary>One notification to send: the alert as it was when the event happened.</summary>
public sealed record WebhookJob(Alert Alert, string Event, WebhookTarget Target);
