namespace Pulse.Grains.Alerts;

/// <summary>An alert's lifecycle: open → acknowledged → resolved.</summary>
public static class AlertStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static bool IsKnown(string state) => state is Open or Acknowledged or Resolved;
}
