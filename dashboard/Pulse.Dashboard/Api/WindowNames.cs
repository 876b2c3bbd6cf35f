namespace Pulse.Dashboard.Api;

/// <summary>The windows and resolutions the read API accepts, by name.</summary>
public static class WindowNames
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> Windows = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["24h"] = TimeSpan.FromHours(24),
    };

    public static readonly IReadOnlyDictionary<string, TimeSpan> Resolutions = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["1s"] = TimeSpan.FromSeconds(1),
        ["1m"] = TimeSpan.FromMinutes(1),
        ["15m"] = TimeSpan.FromMinutes(15),
    };
}
