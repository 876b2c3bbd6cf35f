namespace Pulse.Dashboard.Hubs;

public static class HubGroups
{
    /// <summary>Every brand's summaries and alerts: callers who see every brand.</summary>
    public const string Overview = "overview";

    /// <summary>Data gaps: per channel, not per brand, so every overview subscriber gets them, team-limited or not.</summary>
    public const string DataGaps = "data-gaps";

    /// <summary>Brand ids are case-insensitive, group names are not: normalise.</summary>
    public static string Brand(string brandId) => "brand:" + brandId.ToLowerInvariant();

    /// <summary>
    /// One brand's share of the overview (its summaries and alerts), for team-limited callers: they join one such group per
    /// brand of their team instead of <see cref="Overview"/>, which would send them every other team's brands too.
    /// </summary>
    public static string OverviewOf(string brandId) => "overview:" + brandId.ToLowerInvariant();
}
