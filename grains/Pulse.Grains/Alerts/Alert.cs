using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

/// <summary>
/// One incident on one brand. Signals of any kind within the merge window join it as <see cref="Facets"/> (a spike, a
/// negative shift and an engagement surge of one crisis are one alert), and more channels or stronger signals update and
/// escalate it instead of raising new alerts. <see cref="Kind"/>, <see cref="Value"/> and <see cref="Expected"/> are the
/// leading facet's, the first one signalled; <see cref="Severity"/> is the worst facet's and <see cref="Channels"/> all of
/// theirs. Ids are "brand:number" so the id names its brand. <see cref="Deliveries"/> holds the latest outcome of each
/// (webhook, event) so the team sees when a notification did not arrive.
/// </summary>
/// <remarks><see cref="Facets"/> is null in alerts stored before incidents had facets (and from silos of that version):
/// such an alert is its own single facet, see <see cref="FacetsOrSelf"/>.</remarks>
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
    [property: Id(14)] WebhookDelivery[] Deliveries,
    [property: Id(15)] AlertFacet[]? Facets = null)
{
    /// <summary>The facets, leading one first; an alert from before facets is its own single facet.</summary>
    public AlertFacet[] FacetsOrSelf() =>
        Facets is { Length: > 0 } facets ? facets : [new AlertFacet(Kind, Channels, Severity, Value, Expected, StartedAt, UpdatedAt)];

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
