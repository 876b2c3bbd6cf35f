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

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var hosts = new ClusterHosts(_redis, "three-hosts");
        SiloA = await hosts.StartSiloAsync();
        SiloB = await hosts.StartSiloAsync();
        DashboardOnly = await hosts.StartDashboardOnlyAsync();
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
