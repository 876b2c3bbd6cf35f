using System.Text.Json.Serialization;

namespace Pulse.Silo.Ingest;

/// <summary>
/// Why one item of a batch was rejected. <see cref="Line"/> is the 1-based NDJSON line or array
/// index + 1 (0 when the fault lies outside any item); <see cref="Field"/> is null for malformed JSON.
/// </summary>
/// <remarks>Wire names are pinned so the problem+json shape does not depend on host JSON settings.</remarks>
public sealed record IngestError(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message")] string Message);
