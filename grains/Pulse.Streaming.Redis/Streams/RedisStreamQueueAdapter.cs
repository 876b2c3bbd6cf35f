using Orleans.Runtime;
using Orleans.Streams;

namespace Pulse.Streaming.Redis;

/// <summary>Producer side: one XADD per batch. Redis failures propagate to the producer.</summary>
internal sealed class RedisStreamQueueAdapter(
    string name,
    RedisQueueMapper mapper,
    RedisStreamKeys keys,
    RedisStreamConnection connection,
    IRedisStreamCodec codec,
    Func<QueueId, IQueueAdapterReceiver> createReceiver) : IQueueAdapter
{
    public string Name => name;

    // Receivers read forward from the committed position; a subscriber cannot ask for an older token.
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The Redis stream provider assigns tokens itself; producers cannot pass one.", nameof(token));
        }

        var queue = mapper.QueueOf(streamId);
        var fields = codec.Encode(events);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await database.StreamAddAsync(keys.Queue(queue), fields).ConfigureAwait(false);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => createReceiver(queueId);
}
