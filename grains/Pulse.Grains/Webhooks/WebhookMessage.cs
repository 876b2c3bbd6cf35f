using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;

namespace Pulse.Grains.Webhooks;

/// <summary>
/// What a webhook job carries, and the "event" its receiver is told (<see cref="WebhookEvents"/>). One delivery path
/// serves every kind (retries, idempotency header, address rules, metrics, logs); the kind decides only the body
/// (<see cref="WebhookPayloads"/>) and which grain hears of each attempt.
/// </summary>
public abstract record WebhookMessage(string Event)
{
    /// <summary>What logs name: "alert nordtakt:12", "digest nordtakt 2026-W10".</summary>
    public abstract string Subject { get; }
}

/// <summary>An alert as stored when its change was queued.</summary>
public sealed record AlertMessage(Alert Alert, string Event) : WebhookMessage(Event)
{
    public override string Subject => $"alert {Alert.Id}";
}

/// <summary>A brand's weekly digest.</summary>
public sealed record DigestMessage(BrandDigest Digest) : WebhookMessage(WebhookEvents.Digest)
{
    public override string Subject => $"digest {Digest.BrandId} {Digest.Week}";
}
