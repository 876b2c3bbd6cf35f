namespace Pulse.Dashboard.Hubs;

/// <summary>Names of the client events the hub sends (see CONTRACT.md).</summary>
public static class HubEvents
{
    public const string ChannelSnapshots = "channelSnapshots";
    public const string BrandSummaries = "brandSummaries";
    public const string Alerts = "alerts";
    public const string DataGaps = "dataGaps";
}
