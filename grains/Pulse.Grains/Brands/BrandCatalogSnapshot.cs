namespace Pulse.Grains.Brands;

/// <summary>All brands at one catalog version, ordered by id: what lists show. Find one brand with <see cref="IBrandCatalogGrain.FindAsync"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandCatalogSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] BrandDefinition[] Brands);
