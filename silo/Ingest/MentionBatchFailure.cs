namespace Pulse.Silo.Ingest;

/// <summary>A fault that rejects a whole batch, so that none of its items is ingested.</summary>
public enum MentionBatchFailure
{
    /// <summary>Items were judged one by one; valid ones are accepted.</summary>
    None,

    /// <summary>A JSON body is not valid JSON, or not an object or array.</summary>
    MalformedBody,

    /// <summary>More items than <see cref="IngestOptions.MaxBatchItems"/>.</summary>
    TooManyItems,
}
