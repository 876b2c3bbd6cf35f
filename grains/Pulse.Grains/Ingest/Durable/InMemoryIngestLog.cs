using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest.Durable;

/// <summary>The embedded default's log: in-memory streams keep nothing to replay, so there is nothing to commit.</summary>
internal sealed class InMemoryIngestLog : IIngestLog
{
    public bool IsDurable => false;

    public Task<LogPosition> ReadCommittedAsync(int partition, CancellationToken cancellationToken = default) => Task.FromResult(LogPosition.Start);

    public Task<LogPosition> ReadLastAsync(int partition, CancellationToken cancellationToken = default) => Task.FromResult(LogPosition.Start);

    public Task CommitAsync(int partition, LogPosition position, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IAsyncEnumerable<(LogPosition Position, MentionBatch Batch)> ReadAsync(int partition, LogPosition after, LogPosition upTo, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<(LogPosition, MentionBatch)>();
}
