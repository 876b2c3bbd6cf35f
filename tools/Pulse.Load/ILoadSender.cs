namespace Pulse.Load;

/// <summary>
/// One worker's way of delivering batches (over HTTP, or straight into the ingest log). Not thread-safe: each worker
/// has its own, with its own buffers.
/// </summary>
internal interface ILoadSender
{
    void Begin(DateTimeOffset timestamp);

    void Add(ReadOnlySpan<char> id, PooledMention mention);

    /// <summary>Sends what was added since <see cref="Begin"/>. Failures are outcomes, not exceptions.</summary>
    Task<SendOutcome> SendAsync(CancellationToken cancellationToken);
}
