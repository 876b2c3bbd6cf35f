namespace Pulse.Grains.Alerts;

/// <summary>How an incident shows: each kind is a facet of the one alert per incident. Written as <see cref="AlertWireNames.Kind"/> outside .NET.</summary>
public enum AlertKind
{
    Spike,
    Drop,
    NegativeShift,
    Viral,
}
