using Pulse.Analytics.Detection;

namespace Pulse.Grains.Alerts;

public static class AlertKinds
{
    public const string Spike = "spike";
    public const string Drop = "drop";
    public const string NegativeShift = "negative-shift";
    public const string Viral = "viral";

    public static string Of(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => Spike,
        AnomalyKind.Drop => Drop,
        AnomalyKind.NegativeShift => NegativeShift,
        AnomalyKind.Viral => Viral,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an alerting kind."),
    };
}
