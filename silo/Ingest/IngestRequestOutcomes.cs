namespace Pulse.Silo.Ingest;

/// <summary>The <c>outcome</c> tag of <c>pulse.ingest.requests</c>: what became of one <c>POST /api/mentions</c>.</summary>
internal static class IngestRequestOutcomes
{
    /// <summary>202: every item was valid and taken.</summary>
    public const string Accepted = "accepted";

    /// <summary>400: some items were invalid; the valid ones were taken.</summary>
    public const string Partial = "partial";

    /// <summary>400: every item was invalid.</summary>
    public const string Rejected = "rejected";

    /// <summary>400: the body is not a JSON object or array (nothing taken).</summary>
    public const string Malformed = "malformed";

    /// <summary>400: more items than Pulse:Ingest:MaxBatchItems (nothing taken).</summary>
    public const string TooManyItems = "too-many-items";

    /// <summary>413: the body exceeds Pulse:Ingest:MaxBodyBytes.</summary>
    public const string TooLarge = "too-large";

    /// <summary>415: not JSON or NDJSON.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>503: the ingest log did not store the batch (nothing taken).</summary>
    public const string Unavailable = "unavailable";
}
