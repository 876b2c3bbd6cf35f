using Orleans.Concurrency;

namespace Pulse.Grains.Brands;

/// <summary>
/// The cluster's single list of brands (key <see cref="Key"/>), stored brand by brand in the <see cref="IBrandCatalogStore"/>.
/// Every change makes a new version; reads interleave with a write that is still being stored, and see the catalog
/// before it until it is.
/// </summary>
public interface IBrandCatalogGrain : IGrainWithStringKey
{
    const string Key = "catalog";

    /// <summary>Every brand, ordered by id: for lists. Costs the whole catalog; ask <see cref="FindAsync"/> for one brand.</summary>
    [AlwaysInterleave]
    Task<BrandCatalogSnapshot> GetAsync();

    /// <summary>The brand with this id (case-insensitive), or null.</summary>
    [AlwaysInterleave]
    Task<BrandDefinition?> FindAsync(string id);

    /// <summary>The catalog's version: a cheap call that answers once the catalog is loaded.</summary>
    [AlwaysInterleave]
    Task<long> GetVersionAsync();

    /// <summary>
    /// Null when the catalog is still at <paramref name="knownVersion"/>; else what changed since, or the whole catalog
    /// when the change log does not reach back that far.
    /// </summary>
    [AlwaysInterleave]
    Task<BrandCatalogChanges?> GetChangesSinceAsync(long knownVersion);

    /// <summary>Creates or replaces a brand; true when it was new.</summary>
    Task<bool> PutAsync(BrandDefinition brand);

    /// <summary>Creates or replaces every brand (ids are unique; a repeated id keeps its last), as one version.</summary>
    Task<BrandImportResult> ImportAsync(BrandDefinition[] brands);

    Task<bool> DeleteAsync(string brandId);

    /// <summary>Adds the brands whose ids are not in the catalog yet (seeding from a file never overwrites API edits).</summary>
    Task<int> AddMissingAsync(BrandDefinition[] brands);
}
