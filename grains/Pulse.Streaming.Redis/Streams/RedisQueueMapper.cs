using System.Globalization;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;

namespace Pulse.Streaming.Redis;

/// <summary>
/// Fixed mapping: stream (namespace, "i") ↔ queue i ↔ Redis key <c>{KeyPrefix}:{i}</c>. The queue ids themselves are
/// the hash ring's, so the consistent-ring balancer can spread them over silos.
/// </summary>
internal sealed class RedisQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly HashRingBasedStreamQueueMapper _ring;
    private readonly QueueId[] _byNumber;
    private readonly string _streamNamespace;

    public RedisQueueMapper(RedisStreamOptions options, string providerName)
    {
        _streamNamespace = options.StreamNamespace;
        _ring = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.Queues }, providerName);
        _byNumber = [.. _ring.GetAllQueues().OrderBy(q => q.GetNumericId())];
        for (var i = 0; i < _byNumber.Length; i++)
        {
            if (_byNumber[i].GetNumericId() != i)
            {
                throw new InvalidOperationException($"Expected queue numbers 0..{_byNumber.Length - 1} from the hash ring mapper.");
            }
        }
    }

    public int QueueCount => _byNumber.Length;

    public IEnumerable<QueueId> GetAllQueues() => _byNumber;

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _ring.GetQueuesForRange(range);

    public QueueId GetQueueForStream(StreamId streamId) => _byNumber[QueueOf(streamId)];

    /// <summary>The queue number a stream maps to; only streams ("namespace", "0".."Queues-1") are carried.</summary>
    public int QueueOf(StreamId streamId)
    {
        if (streamId.GetNamespace() != _streamNamespace
            || !int.TryParse(streamId.GetKeyAsString(), NumberStyles.None, CultureInfo.InvariantCulture, out var queue)
            || queue >= _byNumber.Length)
        {
            throw new ArgumentException(
                $"Stream {streamId} is not carried by this provider: it carries namespace '{_streamNamespace}' with keys 0 to {_byNumber.Length - 1}.",
                nameof(streamId));
        }

        return queue;
    }

    public StreamId StreamOf(int queue) =>
        StreamId.Create(_streamNamespace, queue.ToString(CultureInfo.InvariantCulture));

    public static int NumberOf(QueueId queueId) => checked((int)queueId.GetNumericId());
}
