namespace Pulse.Grains.Brands;

/// <summary>The cluster's single list of brands (key <see cref="Key"/>), persisted in grain storage.</summary>
public interface IBrandCatalogGrain : IGrainWithStringKey
{
    const string Key = "catalog";

    Task<BrandCatalogSnapshot> GetAsync();

    /// <summary>The snapshot when the catalog changed since <paramref name="knownVersion"/>, else null.</summary>
    Task<BrandCatalogSnapshot?> GetIfNewerAsync(long knownVersion);

    /// <summary>Creates or replaces a brand; true when it was new.</summary>
    Task<bool> PutAsync(BrandDefinition brand);

    Task<bool> DeleteAsync(string brandId);

    /// <summary>Adds the brands whose ids are not in the catalog yet (seeding from a file never overwrites API edits).</summary>
    Task<int> AddMissingAsync(BrandDefinition[] brands);
}
