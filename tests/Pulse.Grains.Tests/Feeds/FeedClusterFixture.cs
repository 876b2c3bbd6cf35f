using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Feeds;

/// <summary>
/// One in-process silo of its own, since the feed monitor is one for the whole cluster: 1-second buckets and a 5-second
/// warm-up, so a feed is watched and judged within seconds.
/// </summary>
public sealed class FeedClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IMentionIngestor Ingestor =>
        Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredService<IMentionIngestor>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pulse:Alerts:Bucket"] = "00:00:01",
            ["Pulse:Alerts:WarmUp"] = "00:00:05",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Pulse);
            silo.Services.AddPulseGrains(configuration).AddPulseDirectIngest();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
