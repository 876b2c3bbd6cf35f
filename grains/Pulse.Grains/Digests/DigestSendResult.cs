using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

/// <summary>
/// A digest sent by hand: the week it covers and each webhook's delivery as queued (none: the brand has no webhooks), or
/// <see cref="Problem"/> when the archive could not build it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DigestSendResult([property: Id(0)] DigestWeek Week, [property: Id(1)] WebhookDelivery[] Deliveries, [property: Id(2)] string? Problem);
