using Pulse.Testing;

namespace Pulse.Streaming.Redis.Tests;

[Trait("Category", "Slow")]
public sealed class DeliveryTests
{
    [Fact]
    public async Task Events_published_through_Orleans_arrive_in_order_per_queue()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);

        var first = Enumerable.Range(1, 20).Select(i => $"a{i}").ToArray();
        var second = Enumerable.Range(1, 20).Select(i => $"b{i}").ToArray();
        for (var i = 0; i < first.Length; i++)
        {
            await streams.PublishAsync(0, first[i]);
            await streams.PublishAsync(1, second[i]);
        }

        Assert.Equal(first, await streams.EventuallyReceivedAsync(0, first.Length));
        Assert.Equal(second, await streams.EventuallyReceivedAsync(1, second.Length));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task An_entry_added_with_plain_XADD_is_delivered_as_the_queues_stream()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);

        await streams.XAddAsync(3, "x1", "x2");

        Assert.Equal(["x1", "x2"], await streams.EventuallyReceivedAsync(3, 2));
    }

    [Fact]
    public async Task The_token_carries_the_Redis_entry_id()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);

        var id = await streams.Db.StreamAddAsync($"{StreamCluster.KeyPrefix}:2", "e", "t1");

        var received = await Eventually.GetAsync(() => streams.ReceivedAsync(2), r => r.Count >= 1);
        Assert.Equal(RedisEntryId.Parse(id.ToString()), Assert.Single(received).EntryId);
    }

    [Fact]
    public async Task A_bad_entry_goes_to_the_dead_letter_stream_and_later_entries_are_still_delivered()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);

        await streams.XAddAsync(1, "before");
        var bad = await streams.Db.StreamAddAsync($"{StreamCluster.KeyPrefix}:1", "other", "no events here");
        await streams.XAddAsync(1, "ok", TestCodec.Poison);
        await streams.XAddAsync(1, "after");

        Assert.Equal(["before", "ok", "after"], await streams.EventuallyReceivedAsync(1, 3));
        var dead = await Eventually.GetAsync(() => streams.Db.StreamRangeAsync($"{StreamCluster.KeyPrefix}:dead"), d => d.Length >= 2);
        Assert.Equal(2, dead.Length);
        Assert.Equal("no events here", dead[0]["other"]);
        Assert.Equal("1", dead[0]["dead-queue"]);
        Assert.Equal(bad.ToString(), dead[0]["dead-entry"]);
        Assert.Equal("no 'e' field", dead[0]["dead-error"]);
        Assert.Equal("poisoned item", dead[1]["dead-error"]);
    }
}
