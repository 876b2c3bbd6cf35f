namespace Pulse.Grains.Alerts;

/// <summary>What an incident is: one alert per kind and incident. Written as <see cref="AlertWireNames.Kind"/> outside .NET.</summary>
public enum AlertKind
{
    Spike,
    Drop,
    NegativeShift,
    Viral,
}
