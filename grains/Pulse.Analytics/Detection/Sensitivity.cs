namespace Pulse.Analytics.Detection;

/// <summary>How readily a detector raises alerts: Low alerts least, High most.</summary>
public enum Sensitivity
{
    Low,
    Normal,
    High,
}
