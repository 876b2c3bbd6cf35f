using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands;

/// <summary>A brand as clients send it (API body or brands file); missing lists mean empty.</summary>
public sealed record BrandRequest(
    string? Id,
    string? Name,
    string[]? Keywords,
    string[]? Hashtags,
    string[]? Handles,
    string? Query,
    string[]? Exclude,
    string[]? ExcludeAuthors)
{
    public BrandDefinition ToDefinition(string id) =>
        new(id, string.IsNullOrWhiteSpace(Name) ? id : Name.Trim(), Keywords ?? [], Hashtags ?? [], Handles ?? [],
            string.IsNullOrWhiteSpace(Query) ? null : Query, Exclude ?? [], ExcludeAuthors ?? []);
}
