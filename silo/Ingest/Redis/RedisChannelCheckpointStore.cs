using Pulse.Grains.Channels;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Ingest.Redis;

/// <summary>
/// Cluster mode's (brand, channel) checkpoints: <c>{ClusterId}:channel:{grain}</c> holds the checkpoint, a list at
/// <c>…:ids</c> the id journal's chunks. Each save is one MULTI/EXEC, so the two never disagree; the grain key in braces
/// keeps both keys in one slot should Redis ever be clustered.
/// </summary>
internal sealed class RedisChannelCheckpointStore(IConnectionMultiplexer redis, RedisClusterOptions options) : IChannelCheckpointStore
{
    public async Task<StoredChannel?> ReadAsync(string grain, CancellationToken cancellationToken = default)
    {
        var (checkpointKey, idsKey) = Keys(grain);
        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var checkpoint = batch.StringGetAsync(checkpointKey);
        var chunks = batch.ListRangeAsync(idsKey);
        batch.Execute();
        var value = await checkpoint.WaitAsync(cancellationToken).ConfigureAwait(false);
        var values = await chunks.WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : new StoredChannel((byte[])value!, [.. values.Select(v => (byte[])v!)]);
    }

    public async Task WriteAsync(string grain, byte[] checkpoint, byte[] chunk, int dropOldest, CancellationToken cancellationToken = default)
    {
        var (checkpointKey, idsKey) = Keys(grain);
        var transaction = redis.GetDatabase().CreateTransaction();
        if (dropOldest > 0)
        {
            _ = transaction.ListTrimAsync(idsKey, dropOldest, -1);
        }

        _ = transaction.ListRightPushAsync(idsKey, chunk);
        _ = transaction.StringSetAsync(checkpointKey, checkpoint);
        if (!await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RedisException($"The checkpoint of {grain} was not written (transaction discarded).");
        }
    }

    private (RedisKey Checkpoint, RedisKey Ids) Keys(string grain)
    {
        var checkpoint = $"{options.ClusterId}:channel:{{{grain}}}";
        return (checkpoint, checkpoint + ":ids");
    }
}
