using System.Text.Json.Serialization;

namespace Pulse.Silo.Brands.Import;

/// <summary>
/// Why one brand of an import was not stored. <see cref="Line"/> is its NDJSON line, or its 1-based position in a JSON
/// array (as for mentions); <see cref="Id"/> is null when it has none (or the item is not valid JSON).
/// </summary>
/// <remarks>Wire names are pinned so the answer's shape does not depend on host JSON settings.</remarks>
public sealed record BrandImportRejection(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
