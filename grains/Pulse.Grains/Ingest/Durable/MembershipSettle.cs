namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// Whether the cluster's membership has been stable long enough for a partition to commit: at least
/// <paramref name="settle"/> since the membership version last changed (the version seen when the partition activated
/// counts as settled).
/// </summary>
/// <remarks>
/// Right after a silo dies, the grain directory is repaired and a (brand, channel) grain can briefly have two
/// activations, one of which is then dropped. A commit is final: it must not rest on the word of an activation that is
/// about to disappear with what it holds. Waiting one commit interval after a change lets the directory settle, so the
/// grains asked to save are the ones that stay; one that lost deliveries then says so and the partition replays.
/// </remarks>
internal sealed class MembershipSettle(TimeSpan settle, long versionAtStart)
{
    private long _version = versionAtStart;
    private DateTimeOffset _changedAt = DateTimeOffset.MinValue;

    /// <summary>Records the current <paramref name="version"/>; true when it has not changed for <c>settle</c>.</summary>
    public bool IsSettled(long version, DateTimeOffset now)
    {
        if (version != _version)
        {
            _version = version;
            _changedAt = now;
        }

        return _changedAt == DateTimeOffset.MinValue || now - _changedAt >= settle;
    }
}
