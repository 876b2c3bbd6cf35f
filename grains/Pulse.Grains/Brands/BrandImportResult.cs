namespace Pulse.Grains.Brands;

/// <summary>What an import changed: brands it created and brands it replaced.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandImportResult([property: Id(0)] int Created, [property: Id(1)] int Replaced);
