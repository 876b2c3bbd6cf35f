using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;
using Xunit.Abstractions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>Grain storage writes state with the silo's <see cref="IGrainStorageSerializer"/> (JSON unless configured
/// otherwise), not with the Orleans serializer: the checkpoint must survive that one too.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChannelCheckpointStorageTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void A_checkpoint_survives_the_silos_grain_storage_serializer()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IGrainStorageSerializer>();
        var channel = new BusyChannel(1000);
        var checkpoint = channel.Capture();

        var data = storage.Serialize(checkpoint);
        var restored = storage.Deserialize<ChannelCheckpoint>(data)!;
        output.WriteLine($"{storage.GetType().Name}: {data.ToMemory().Length} bytes for the busy grain");

        var windows = restored.RestoreWindows(WindowLayout.Default);
        Assert.Equal(channel.Windows.Sum(channel.Now, TimeSpan.FromHours(25)), windows.Sum(channel.Now, TimeSpan.FromHours(25)));
        Assert.Equal(channel.Windows.Sum(channel.Now, TimeSpan.FromMinutes(1)), windows.Sum(channel.Now, TimeSpan.FromMinutes(1)));
        Assert.Equal(1000, restored.RestoreSeen(BusyChannel.Horizon, channel.Clock).Count);
        Assert.Equal(channel.Latest.Newest(20), restored.RestoreLatest(20).Newest(20));
        Assert.Equal(channel.Applied, restored.Applied);
    }
}
