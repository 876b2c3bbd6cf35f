namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// One ingest partition's progress as its silo's health check sees it: when it last delivered or committed, and the
/// failed attempts since.
/// </summary>
/// <param name="Partition">The partition number.</param>
/// <param name="LastProgress">When a batch last reached every grain, or a commit last went through.</param>
/// <param name="FailedAttempts">Failed deliveries, replays and commits since then.</param>
/// <param name="LastError">The latest failure's message.</param>
public sealed record PartitionHealth(int Partition, DateTimeOffset LastProgress, int FailedAttempts, string? LastError)
{
    /// <summary>Stalled: failing, and no progress for <paramref name="stallAfter"/>. Idle partitions (no failures) never are.</summary>
    public bool IsStalled(DateTimeOffset now, TimeSpan stallAfter) => FailedAttempts > 0 && now - LastProgress >= stallAfter;

    public PartitionHealth Progressed(DateTimeOffset now) => this with { LastProgress = now, FailedAttempts = 0, LastError = null };

    public PartitionHealth Failed(string error) => this with { FailedAttempts = FailedAttempts + 1, LastError = error };
}
