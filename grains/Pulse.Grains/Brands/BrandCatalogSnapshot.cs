namespace Pulse.Grains.Brands;

/// <summary>All brands at one catalog version; the version lets matchers rebuild only on change.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandCatalogSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] BrandDefinition[] Brands)
{
    /// <summary>The brand with this id (ids are case-insensitive), or null.</summary>
    public BrandDefinition? Find(string id) =>
        Array.Find(Brands, b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase));
}
