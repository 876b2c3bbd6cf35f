using Pulse.Testing;

namespace Pulse.Streaming.Redis.Tests;

public sealed class RedisOutageTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Delivery_resumes_by_itself_when_Redis_comes_back()
    {
        await using var redis = await RedisServer.StartAsync(dataDirectory: Path.Combine(Path.GetTempPath(), "pulse-redis-" + Guid.NewGuid().ToString("N")));
        await using var streams = await StreamCluster.StartAsync(redis);
        await streams.XAddAsync(0, "before");
        Assert.Equal(["before"], await streams.EventuallyReceivedAsync(0, 1));

        await redis.StopAsync();
        await Task.Delay(1000); // polls fail meanwhile
        await redis.StartAsync();
        await Eventually.GetAsync(() => Task.FromResult(streams.Redis.IsConnected), c => c);
        await streams.XAddAsync(0, "after");

        Assert.Equal(["before", "after"], await streams.EventuallyReceivedAsync(0, 2));
    }
}
