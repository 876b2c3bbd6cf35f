using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// Which silo hosts a grain, read from the cluster's Redis grain directory (cluster mode keeps it in Redis: one string per
/// grain under "{cluster id}/directory/{grain id}", JSON naming the activation's silo as "host:port@generation").
/// </summary>
internal static class GrainDirectoryLookup
{
    /// <summary>The silo port of <paramref name="grainId"/>'s activation (e.g. "brandchannel/acme/x"), or null when it has none.</summary>
    public static async Task<int?> SiloPortAsync(string redisEndpoint, string grainId, string clusterId = "pulse")
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisEndpoint);
        var entry = await redis.GetDatabase().StringGetAsync($"{clusterId}/directory/{grainId}");
        if (entry.IsNullOrEmpty)
        {
            return null;
        }

        using var json = JsonDocument.Parse(entry.ToString());
        var silo = json.RootElement.GetProperty("SiloAddress").GetString()
            ?? throw new FormatException($"The directory entry of {grainId} names no silo: {entry}");
        var colon = silo.LastIndexOf(':');
        var at = silo.IndexOf('@', StringComparison.Ordinal);
        return int.Parse(silo.AsSpan(colon + 1, (at < 0 ? silo.Length : at) - colon - 1), CultureInfo.InvariantCulture);
    }
}
