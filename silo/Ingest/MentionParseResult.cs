using Pulse.Grains.Mentions;

namespace Pulse.Silo.Ingest;

/// <summary>
/// Outcome of parsing one request body: the valid mentions, and one error per rejected field or line.
/// <see cref="RejectedCount"/> counts rejected items (an item may have several errors).
/// </summary>
public sealed record MentionParseResult(
    IReadOnlyList<Mention> Accepted,
    IReadOnlyList<IngestError> Errors,
    int RejectedCount,
    MentionBatchFailure Failure)
{
    public bool IsFullyAccepted => Failure == MentionBatchFailure.None && Errors.Count == 0;
}
