namespace Pulse.Grains.Webhooks;

/// <summary>
/// The latest outcome of one event of one alert (or one week's digest) sent to one webhook. <see cref="Target"/> is the webhook's
/// redacted address (scheme and host only): webhook paths often carry secrets (Slack's do), and alerts are public to the dashboard.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WebhookDelivery(
    [property: Id(0)] string Target,
    [property: Id(1)] string Format,
    [property: Id(2)] string Event,
    [property: Id(3)] string Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] int? StatusCode,
    [property: Id(6)] string? Error,
    [property: Id(7)] DateTimeOffset At)
{
    /// <summary>True when <paramref name="other"/> is an outcome of the same event at the same webhook, which this one replaces.</summary>
    public bool SameSlot(WebhookDelivery other) =>
        other is not null && other.Target == Target && other.Format == Format && other.Event == Event;
}
