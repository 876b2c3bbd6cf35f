namespace Pulse.Grains.Alerts;

/// <summary>An alert's lifecycle: open → acknowledged → resolved. Written as <see cref="AlertWireNames.State"/> outside .NET.</summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}
