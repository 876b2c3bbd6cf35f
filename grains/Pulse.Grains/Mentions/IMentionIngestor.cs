namespace Pulse.Grains.Mentions;

/// <summary>
/// Hands validated mentions to the cluster. Returns once they are durably queued
/// (in memory on the embedded default): a 202 is only answered after this completes.
/// </summary>
public interface IMentionIngestor
{
    Task IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default);
}
