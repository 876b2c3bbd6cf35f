using Pulse.Grains.Mentions;

namespace Pulse.Grains.Archive;

/// <summary>
/// Where matched, scored mentions go once their (brand, channel) grains have recorded them: the long-term archive
/// (PostgreSQL when switched on, nothing by default). Called by the ingest partitions, one call per delivery.
/// </summary>
public interface IMentionArchive
{
    /// <summary>False for the default, so a partition skips even gathering the delivery.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Takes a delivery for writing. Returns once it is buffered; while the buffer is full it either waits (back-pressure:
    /// cluster mode, where the ingest log holds the rest) or drops and counts what it dropped (the embedded default).
    /// A mention appears once per brand in the archive: within a write, and across a replay, whose <paramref name="origin"/>
    /// says so and which the archive checks against what it wrote past the partition's commit. A replay starts with a
    /// flush, so that everything written before it is there to check.
    /// </summary>
    ValueTask AppendAsync(IReadOnlyList<ScoredMention> mentions, ArchiveOrigin? origin, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once every delivery appended before the call is written. A cluster partition awaits it before it
    /// commits its log position, so rows lost in a dead silo's buffer are always after the commit and replayed.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>No archive: Pulse keeps only its rolling windows.</summary>
internal sealed class NoMentionArchive : IMentionArchive
{
    public bool Enabled => false;

    public ValueTask AppendAsync(IReadOnlyList<ScoredMention> mentions, ArchiveOrigin? origin, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
