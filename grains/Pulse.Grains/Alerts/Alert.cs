using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

/// <summary>
/// One incident of one kind on one brand. Signals from more channels, or stronger ones, update it and
/// escalate its severity instead of raising new alerts. Ids are "brand:number" so the id names its brand.
/// <see cref="Deliveries"/> holds the latest outcome of each (webhook, event) so the team sees when a notification did not arrive.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Alert(
    [property: Id(0)] string Id,
    [property: Id(1)] string BrandId,
    [property: Id(2)] string BrandName,
    [property: Id(3)] string[] Channels,
    [property: Id(4)] AlertKind Kind,
    [property: Id(5)] int Severity,
    [property: Id(6)] AlertState State,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] double Value,
    [property: Id(10)] double Expected,
    [property: Id(11)] string Message,
    [property: Id(12)] AlertWhy Why,
    [property: Id(13)] AlertAction[] History,
    [property: Id(14)] WebhookDelivery[] Deliveries)
{
    public static string BrandOf(string alertId)
    {
        var colon = alertId.LastIndexOf(':');
        return colon <= 0 ? throw new FormatException($"Not an alert id: '{alertId}'.") : alertId[..colon];
    }
}

/// <summary>Who did what to an alert, when, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertAction(
    [property: Id(0)] string Action,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Note);
