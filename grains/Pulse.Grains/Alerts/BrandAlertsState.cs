namespace Pulse.Grains.Alerts;

[GenerateSerializer]
public sealed class BrandAlertsState
{
    [Id(0)]
    public long NextNumber { get; set; } = 1;

    /// <summary>Newest last; trimmed to the most recent alerts so state stays small.</summary>
    [Id(1)]
    public List<Alert> Alerts { get; set; } = [];

    [Id(2)]
    public AlertSettings Settings { get; set; } = AlertSettings.Default;
}
