using System.Globalization;
using System.Net.Http.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>`pulse --redis ...` and `pulse --dashboard-only --redis ...` hosts for one cluster, each on its own free ports.</summary>
internal sealed class ClusterHosts(RedisServer redis, string clusterId)
{
    public Task<RunningHost> StartSiloAsync(params string[] extraArgs) => RunningHost.StartAsync(
    [
        "--redis", redis.Endpoint, "--cluster-id", clusterId,
        "--silo-port", Port(), "--gateway-port", Port(),
        .. extraArgs,
    ]);

    public Task<RunningHost> StartDashboardOnlyAsync(params string[] extraArgs) => RunningHost.StartAsync(
        ["--dashboard-only", "--redis", redis.Endpoint, "--cluster-id", clusterId, .. extraArgs]);

    public static async Task AddBrandAsync(RunningHost host, string id, params string[] keywords)
    {
        var response = await host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords });
        response.EnsureSuccessStatusCode();
    }

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
}
