namespace Pulse.Grains.Mentions;

/// <summary>
/// The one seam every producer calls (POST /api/mentions, the demo, sources): matches validated mentions to brands and
/// hands them to the cluster. Returns once they are durably queued (in memory on the embedded default): a 202 is only
/// answered after this completes. Each mode registers exactly one implementation (see IngestModeExtensions).
/// </summary>
public interface IMentionIngestor
{
    Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default);
}
