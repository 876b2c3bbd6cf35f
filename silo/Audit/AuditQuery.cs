using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>A page of the log, newest first: entries before <see cref="Before"/> (all if null), at most <see cref="Limit"/>, optionally of one action or target.</summary>
public sealed record AuditQuery(RedisEntryId? Before, int Limit, AuditAction? Action = null, string? Target = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Action is null || record.Action == Action) && (Target is null || string.Equals(record.Target, Target, StringComparison.Ordinal));
    }
}
