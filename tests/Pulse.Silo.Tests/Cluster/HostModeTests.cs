using System.Net;
using Microsoft.Extensions.Configuration;
using Pulse.Silo.Cli;
using Pulse.Silo.Cluster;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>How `pulse`'s cluster flags decide what a host is and where its silo listens.</summary>
public sealed class HostModeTests
{
    [Fact]
    public void Redis_makes_a_cluster_silo_and_dashboard_only_makes_a_client()
    {
        Assert.Equal(PulseHostKind.EmbeddedSilo, ModeOf().Kind);
        Assert.Equal(PulseHostKind.ClusterSilo, ModeOf("--redis", "127.0.0.1:6379").Kind);
        Assert.Equal(PulseHostKind.DashboardOnly, ModeOf("--dashboard-only", "--redis", "127.0.0.1:6379").Kind);
        Assert.Equal(PulseHostKind.DashboardOnly, ModeOf("--dashboard-only", "--gateway", "127.0.0.1:30000").Kind);
    }

    [Fact]
    public void Dashboard_only_without_a_way_into_the_cluster_or_with_demo_data_is_refused_at_start()
    {
        Assert.Contains("--redis", Assert.Throws<InvalidOperationException>(() => ModeOf("--dashboard-only")).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ModeOf("--dashboard-only", "--redis", "127.0.0.1:6379", "--demo"));
    }

    [Fact]
    public void Without_advertise_a_silo_binds_and_advertises_loopback()
    {
        var endpoints = SiloEndpoints.From(Configuration("--silo-port", "12000", "--gateway-port", "31000"));

        Assert.Equal(new SiloEndpoints(IPAddress.Loopback, false, 12000, 31000), endpoints);
    }

    [Fact]
    public void Advertise_listens_on_every_address_and_advertises_the_given_one()
    {
        var endpoints = SiloEndpoints.From(Configuration("--advertise", "10.1.2.3"));

        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.Advertised);
        Assert.True(endpoints.ListenOnAnyAddress);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("my-host")]
    public void Advertise_must_be_a_reachable_ip_address(string advertise)
    {
        Assert.Throws<InvalidOperationException>(() => SiloEndpoints.From(Configuration("--advertise", advertise)));
    }

    private static PulseHostMode ModeOf(params string[] args)
    {
        var configuration = Configuration(args);
        return PulseHostMode.From(
            configuration,
            configuration.GetSection(RedisClusterOptions.Section).Get<RedisClusterOptions>() ?? new RedisClusterOptions(),
            configuration.GetSection(DashboardClientOptions.Section).Get<DashboardClientOptions>() ?? new DashboardClientOptions());
    }

    private static IConfiguration Configuration(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(ServeArguments.ToConfiguration(args)).Build();
}
