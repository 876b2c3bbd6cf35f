using Orleans.Runtime;
using Orleans.Streams;

namespace Pulse.Streaming.Redis;

/// <summary>One Redis stream entry as Orleans delivers it: the events it decoded to, at the entry's token.</summary>
[GenerateSerializer, Immutable]
internal sealed class RedisStreamBatchContainer(StreamId streamId, IReadOnlyList<object> events, RedisStreamSequenceToken token) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public IReadOnlyList<object> Events { get; } = events;

    [Id(2)]
    public RedisStreamSequenceToken Token { get; } = token;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select(e => Tuple.Create(e, (StreamSequenceToken)Token));

    // Entries may come from outside Orleans, so none carries a request context.
    public bool ImportRequestContext() => false;

    public override string ToString() => $"[{nameof(RedisStreamBatchContainer)}: {StreamId} at {Token}, {Events.Count} events]";
}
