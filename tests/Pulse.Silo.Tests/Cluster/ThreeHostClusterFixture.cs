using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>One real redis-server, two silo hosts (A, B) and one dashboard-only host, all in this process.</summary>
public sealed class ThreeHostClusterFixture : IAsyncLifetime
{
    private RedisServer? _redis;

    public RunningHost SiloA { get; private set; } = null!;

    public RunningHost SiloB { get; private set; } = null!;

    public RunningHost DashboardOnly { get; private set; } = null!;

    private const string OrleansDashboardOn = "--" + Pulse.Silo.Engineers.OrleansDashboardHosting.EnabledKey + "=true";

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var hosts = new ClusterHosts(_redis, "three-hosts");
        // The Orleans dashboard is opt-in; every host of the cluster switches it on, as an operator would.
        SiloA = await hosts.StartSiloAsync(OrleansDashboardOn);
        SiloB = await hosts.StartSiloAsync(OrleansDashboardOn);
        DashboardOnly = await hosts.StartDashboardOnlyAsync(OrleansDashboardOn);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { DashboardOnly, SiloB, SiloA })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
