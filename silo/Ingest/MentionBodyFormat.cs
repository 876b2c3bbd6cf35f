namespace Pulse.Silo.Ingest;

/// <summary>How a request body frames its mentions.</summary>
public enum MentionBodyFormat
{
    /// <summary>One JSON object, or a JSON array of objects.</summary>
    Json,

    /// <summary>Newline-delimited JSON: one object per line, blank lines ignored.</summary>
    NdJson,
}
