using System.Text.Json.Serialization;

namespace Pulse.Silo.Brands.Import;

/// <summary>The 200 answer of <c>POST /api/brands:import</c>: brands created, brands replaced, and each item not stored.</summary>
public sealed record BrandImportResponse(
    [property: JsonPropertyName("created")] int Created,
    [property: JsonPropertyName("replaced")] int Replaced,
    [property: JsonPropertyName("rejected")] IReadOnlyList<BrandImportRejection> Rejected);
