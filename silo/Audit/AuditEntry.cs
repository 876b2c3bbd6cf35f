using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>
/// An entry as the log holds it: its <see cref="Position"/> and the record. The position is a stream entry id, the log's
/// clock in Unix milliseconds then a sequence within that millisecond (the memory log numbers entries as Redis does); it
/// is also the cursor <c>GET /api/audit?before=</c> takes, so paging never skips or repeats entries of one millisecond.
/// </summary>
public sealed record AuditEntry(RedisEntryId Position, AuditRecord Record)
{
    /// <summary>When the log took the entry (UTC): one clock for all hosts in cluster mode, Redis's.</summary>
    public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(Position.Milliseconds);

    /// <summary>The first position at <paramref name="time"/>: entries before it were taken earlier.</summary>
    public static RedisEntryId PositionAt(DateTimeOffset time) => new(time.ToUnixTimeMilliseconds(), 0);
}
