namespace Pulse.Grains.Alerts;

/// <summary>A (brand, channel) grain's detector fired (or escalated): the brand's alert book merges it into an incident.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertSignal(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Channel,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] int Severity,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] double Value,
    [property: Id(6)] double Expected,
    [property: Id(7)] AlertWhy Why);
