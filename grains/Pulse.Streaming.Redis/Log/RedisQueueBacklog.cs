namespace Pulse.Streaming.Redis;

/// <summary>What <see cref="RedisStreamLog.ReadBacklogAsync"/> found for one queue.</summary>
/// <param name="Committed">The consumer's committed id (<see cref="RedisEntryId.Zero"/>: none yet).</param>
/// <param name="OldestPending">The oldest entry after it; null when the consumer has committed everything.</param>
/// <param name="Length">Entries in the queue (XLEN).</param>
public readonly record struct RedisQueueBacklog(RedisEntryId Committed, RedisEntryId? OldestPending, long Length);
