namespace Pulse.Grains.Brands;

/// <summary>
/// How the catalog changed since a version a matcher knows: the brands put since then and the ids deleted, or, when
/// <see cref="IsComplete"/>, every brand (the catalog's change log no longer reaches back that far, or the change was
/// larger than a delta is worth).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BrandCatalogChanges(
    [property: Id(0)] long Since,
    [property: Id(1)] long Version,
    [property: Id(2)] bool IsComplete,
    [property: Id(3)] BrandDefinition[] Upserted,
    [property: Id(4)] string[] Deleted);
