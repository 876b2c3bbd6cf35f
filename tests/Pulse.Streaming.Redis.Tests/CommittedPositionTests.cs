using Pulse.Testing;

namespace Pulse.Streaming.Redis.Tests;

[Trait("Category", "Slow")]
public sealed class CommittedPositionTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_restarted_cluster_delivers_only_entries_after_the_committed_position()
    {
        await using var redis = await RedisServer.StartAsync();
        await using (var streams = await StreamCluster.StartAsync(redis))
        {
            await streams.XAddAsync(2, "e1");
            await streams.XAddAsync(2, "e2");
            await streams.XAddAsync(2, "e3");
            var received = await Eventually.GetAsync(() => streams.ReceivedAsync(2), r => r.Count >= 3);
            Assert.True(await streams.Log.CommitAsync(2, received[1].EntryId));
        }

        await using var restarted = await StreamCluster.StartAsync(redis);
        await restarted.XAddAsync(2, "e4");

        Assert.Equal(["e3", "e4"], await restarted.EventuallyReceivedAsync(2, 2));
        await Task.Delay(500); // a wrongly replayed e1/e2 would show up behind e3/e4 within a few polls
        Assert.Equal(["e3", "e4"], (await restarted.ReceivedAsync(2)).Select(r => r.Event));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Commits_never_move_backwards()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);

        Assert.Equal(RedisEntryId.Zero, await streams.Log.ReadCommittedAsync(0));
        Assert.True(await streams.Log.CommitAsync(0, new RedisEntryId(200, 1)));
        Assert.False(await streams.Log.CommitAsync(0, new RedisEntryId(100, 5)));
        Assert.False(await streams.Log.CommitAsync(0, new RedisEntryId(200, 1)));

        Assert.Equal(new RedisEntryId(200, 1), await streams.Log.ReadCommittedAsync(0));
    }

    [Fact]
    public async Task ReadAsync_replays_the_decoded_entries_of_a_range()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);
        var ids = new List<RedisEntryId>();
        foreach (var e in new[] { "r1", "r2", TestCodec.Poison, "r3", "r4" })
        {
            ids.Add(RedisEntryId.Parse((await streams.Db.StreamAddAsync($"{StreamCluster.KeyPrefix}:0", TestCodec.Field, e)).ToString()!));
        }

        var replayed = new List<RedisStreamLogEntry>();
        await foreach (var entry in streams.Log.ReadAsync(0, ids[0], ids[3]))
        {
            replayed.Add(entry);
        }

        Assert.Equal([ids[1], ids[3]], replayed.Select(r => r.Id));
        Assert.Equal(["r2", "r3"], replayed.SelectMany(r => r.Events).Cast<string>());
    }

    [Fact]
    public async Task ReadLastAsync_gives_the_newest_entry_of_a_queue_or_zero()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);
        Assert.Equal(RedisEntryId.Zero, await streams.Log.ReadLastAsync(1));

        RedisEntryId last = default;
        foreach (var e in new[] { "n1", "n2", "n3" })
        {
            last = RedisEntryId.Parse((await streams.Db.StreamAddAsync($"{StreamCluster.KeyPrefix}:1", TestCodec.Field, e)).ToString()!);
        }

        Assert.Equal(last, await streams.Log.ReadLastAsync(1));
        Assert.Equal(RedisEntryId.Zero, await streams.Log.ReadLastAsync(0));
    }

    [Fact]
    public async Task ReadBacklogAsync_gives_the_commit_the_oldest_entry_after_it_and_the_length()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var streams = await StreamCluster.StartAsync(redis);
        Assert.Equal(new RedisQueueBacklog(RedisEntryId.Zero, null, 0), await streams.Log.ReadBacklogAsync(3));

        var ids = new List<RedisEntryId>();
        foreach (var e in new[] { "b1", "b2", "b3" })
        {
            ids.Add(RedisEntryId.Parse((await streams.Db.StreamAddAsync($"{StreamCluster.KeyPrefix}:3", TestCodec.Field, e)).ToString()!));
        }

        Assert.Equal(new RedisQueueBacklog(RedisEntryId.Zero, ids[0], 3), await streams.Log.ReadBacklogAsync(3));
        await streams.Log.CommitAsync(3, ids[1]);
        var afterCommit = await streams.Log.ReadBacklogAsync(3);
        Assert.Equal((ids[1], ids[2]), (afterCommit.Committed, afterCommit.OldestPending));
        Assert.InRange(afterCommit.Length, 1, 3); // trimming up to the commit drops whole nodes only
        await streams.Log.CommitAsync(3, ids[2]);
        Assert.Null((await streams.Log.ReadBacklogAsync(3)).OldestPending);
    }
}
