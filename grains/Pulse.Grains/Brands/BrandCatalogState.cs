namespace Pulse.Grains.Brands;

/// <summary>
/// The catalog as it was stored before it moved to the <see cref="IBrandCatalogStore"/>: all brands in one grain-state
/// record ("brands" in <see cref="GrainStorageNames.Pulse"/>), rewritten whole on every change. Read once, to migrate.
/// </summary>
[GenerateSerializer]
public sealed class BrandCatalogState
{
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public Dictionary<string, BrandDefinition> Brands { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
