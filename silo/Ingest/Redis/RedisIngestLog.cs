using System.Runtime.CompilerServices;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Silo.Cluster;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Ingest.Redis;

/// <summary>Cluster mode's ingest log: the Redis Streams provider's queues, one per partition.</summary>
internal sealed class RedisIngestLog(RedisStreamLog log) : IIngestLog
{
    public bool IsDurable => true;

    public async Task<LogPosition> ReadCommittedAsync(int partition, CancellationToken cancellationToken = default) =>
        ToPosition(await log.ReadCommittedAsync(partition, cancellationToken).ConfigureAwait(false));

    public async Task<LogPosition> ReadLastAsync(int partition, CancellationToken cancellationToken = default) =>
        ToPosition(await log.ReadLastAsync(partition, cancellationToken).ConfigureAwait(false));

    public Task CommitAsync(int partition, LogPosition position, CancellationToken cancellationToken = default) =>
        log.CommitAsync(partition, ToEntryId(position), cancellationToken);

    public async IAsyncEnumerable<(LogPosition Position, MentionBatch Batch)> ReadAsync(int partition, LogPosition after, LogPosition upTo,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in log.ReadAsync(partition, ToEntryId(after), ToEntryId(upTo), cancellationToken).ConfigureAwait(false))
        {
            foreach (var batch in entry.Events.OfType<MentionBatch>())
            {
                yield return (ToPosition(entry.Id), batch);
            }
        }
    }

    internal static LogPosition ToPosition(RedisEntryId id) => new(id.Milliseconds, id.Sequence);

    internal static RedisEntryId ToEntryId(LogPosition position) => new(position.Major, position.Minor);
}
