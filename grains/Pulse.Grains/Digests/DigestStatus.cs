using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

/// <summary>The week a brand's digest was last sent for (null: never) and each webhook's latest outcome for it.</summary>
[GenerateSerializer, Immutable]
public sealed record DigestStatus([property: Id(0)] DigestWeek? LastWeek, [property: Id(1)] WebhookDelivery[] Deliveries);
