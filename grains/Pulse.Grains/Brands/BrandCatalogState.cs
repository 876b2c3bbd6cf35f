namespace Pulse.Grains.Brands;

[GenerateSerializer]
public sealed class BrandCatalogState
{
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public Dictionary<string, BrandDefinition> Brands { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
