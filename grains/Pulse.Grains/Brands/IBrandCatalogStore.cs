namespace Pulse.Grains.Brands;

/// <summary>
/// Where the brand catalog lives, one record per brand, so that a write costs the brands it changes rather than the
/// whole catalog: in memory on the embedded default, a Redis hash in cluster mode. Only the catalog grain (one
/// activation in the cluster) reads and writes it.
/// </summary>
public interface IBrandCatalogStore
{
    /// <summary>Every brand and the catalog version; null when nothing was ever stored.</summary>
    Task<StoredBrandCatalog?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: removes <paramref name="deleted"/>, then stores <paramref name="upserted"/> (creating or replacing each
    /// by id), and sets the version to <paramref name="version"/>.
    /// </summary>
    Task WriteAsync(long version, IReadOnlyCollection<BrandDefinition> upserted, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IBrandCatalogStore.ReadAsync"/> found.</summary>
public sealed record StoredBrandCatalog(long Version, IReadOnlyList<BrandDefinition> Brands);
