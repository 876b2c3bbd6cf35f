namespace Pulse.Grains.Brands;

/// <summary>The embedded default's catalog store: lives as long as the process, like the rest of its state.</summary>
public sealed class InMemoryBrandCatalogStore : IBrandCatalogStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BrandDefinition> _brands = new(StringComparer.OrdinalIgnoreCase);
    private long? _version;

    public Task<StoredBrandCatalog?> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_version is { } version ? new StoredBrandCatalog(version, [.. _brands.Values]) : null);
        }
    }

    public Task WriteAsync(long version, IReadOnlyCollection<BrandDefinition> upserted, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deleted);
        lock (_lock)
        {
            foreach (var id in deleted)
            {
                _brands.Remove(id);
            }

            foreach (var brand in upserted)
            {
                _brands[brand.Id] = brand;
            }

            _version = version;
        }

        return Task.CompletedTask;
    }
}
