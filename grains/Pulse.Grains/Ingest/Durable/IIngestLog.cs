using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// The durable log behind the ingest partitions' streams (Redis Streams in cluster mode), as the partition grains
/// need it for exact counts after a failure: each partition commits the position up to which every (brand, channel)
/// grain it fed has saved its windows, and replays from there when it cannot prove that nothing was lost.
/// </summary>
/// <remarks>The embedded default has no durable log: <see cref="IsDurable"/> is false and nothing is committed.</remarks>
public interface IIngestLog
{
    /// <summary>False on the embedded default (in-memory streams): no commits, no replays.</summary>
    bool IsDurable { get; }

    /// <summary>The last committed position of a partition, or <see cref="LogPosition.Start"/> when none was committed yet.</summary>
    Task<LogPosition> ReadCommittedAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>The position of the newest entry of a partition, or <see cref="LogPosition.Start"/> when it has none.</summary>
    Task<LogPosition> ReadLastAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that everything up to and including <paramref name="position"/> is saved downstream. Never moves the
    /// committed position backwards; entries at or before it may be trimmed from the log.
    /// </summary>
    Task CommitAsync(int partition, LogPosition position, CancellationToken cancellationToken = default);

    /// <summary>
    /// The batches after <paramref name="after"/> up to and including <paramref name="upTo"/>, in log order, decoded the same
    /// way the stream delivers them (entries that fail to decode are skipped, as the stream skips them).
    /// </summary>
    IAsyncEnumerable<(LogPosition Position, MentionBatch Batch)> ReadAsync(int partition, LogPosition after, LogPosition upTo, CancellationToken cancellationToken = default);
}
