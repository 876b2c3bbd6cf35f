namespace Pulse.Grains.Alerts;

/// <summary>A brand's detector sensitivity in settings; null there means the silo's "Pulse:Alerts:Sensitivity".</summary>
public static class AlertSensitivities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";

    public static bool IsKnown(string sensitivity) => sensitivity is Low or Normal or High;
}
