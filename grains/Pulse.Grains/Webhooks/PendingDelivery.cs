namespace Pulse.Grains.Webhooks;

/// <summary>
/// A webhook delivery neither delivered nor given up yet, kept in its grain's state (the brand's alerts, or its digest; not
/// only in a silo's in-memory outbox) so that a silo crash does not lose it. <see cref="Subject"/> is what it tells of: the
/// alert's id, or the digest's week ("2026-W10"). <see cref="Target"/> is the full webhook (its URL is the secret the
/// settings hold too); <see cref="Attempts"/> counts the attempts reported so far; <see cref="At"/> is when it was last
/// handed to an outbox or last heard of.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PendingDelivery(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Event,
    [property: Id(2)] WebhookTarget Target,
    [property: Id(3)] string Key,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset At);
