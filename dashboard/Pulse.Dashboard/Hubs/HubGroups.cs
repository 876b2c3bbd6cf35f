namespace Pulse.Dashboard.Hubs;

public static class HubGroups
{
    public const string Overview = "overview";

    /// <summary>Brand ids are case-insensitive, group names are not: normalise.</summary>
    public static string Brand(string brandId) => "brand:" + brandId.ToLowerInvariant();
}
