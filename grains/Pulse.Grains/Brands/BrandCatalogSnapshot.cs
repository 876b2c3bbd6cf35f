namespace Pulse.Grains.Brands;

/// <summary>All brands at one catalog version; the version lets matchers rebuild only on change.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandCatalogSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] BrandDefinition[] Brands);
