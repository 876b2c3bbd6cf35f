using Microsoft.Extensions.Logging;

namespace Pulse.Grains.Brands;

/// <summary>
/// Keeps the catalog in memory and in the <see cref="IBrandCatalogStore"/>: a write stores only the brands it changes,
/// then applies them here, so a failed write changes nothing. Recent changes are logged by version
/// (<see cref="BrandChangeLog"/>) for matchers to catch up without recompiling every brand.
/// </summary>
internal sealed partial class BrandCatalogGrain(
    [PersistentState("brands", GrainStorageNames.Pulse)] IPersistentState<BrandCatalogState> legacy,
    IBrandCatalogStore store,
    ILogger<BrandCatalogGrain> logger)
    : Grain, IBrandCatalogGrain
{
    private readonly Dictionary<string, BrandDefinition> _brands = new(StringComparer.OrdinalIgnoreCase);
    private long _version;
    private BrandChangeLog _log = new(0);
    private BrandCatalogSnapshot? _sorted;

    /// <summary>Every brand at this version, for matchers that need the whole catalog: one array however many ask.</summary>
    private BrandDefinition[]? _all;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(cancellationToken) ?? await MigrateAsync(cancellationToken);
        if (stored is not null)
        {
            foreach (var brand in stored.Brands)
            {
                _brands[brand.Id] = brand;
            }

            _version = stored.Version;
        }

        _log = new BrandChangeLog(_version);
    }

    public Task<BrandCatalogSnapshot> GetAsync() =>
        // Sorted only when asked for, once per version: matchers never need the order.
        Task.FromResult(_sorted ??= new BrandCatalogSnapshot(_version, [.. _brands.Values.OrderBy(b => b.Id, StringComparer.OrdinalIgnoreCase)]));

    public Task<BrandDefinition?> FindAsync(string id) =>
        Task.FromResult(id is not null && _brands.TryGetValue(id, out var brand) ? brand : null);

    public Task<long> GetVersionAsync() => Task.FromResult(_version);

    public Task<BrandCatalogChanges?> GetChangesSinceAsync(long knownVersion)
    {
        if (knownVersion == _version)
        {
            return Task.FromResult<BrandCatalogChanges?>(null);
        }

        if (_log.ChangedSince(knownVersion, _version) is not { } changed)
        {
            return Task.FromResult<BrandCatalogChanges?>(new BrandCatalogChanges(knownVersion, _version, IsComplete: true, _all ??= [.. _brands.Values], []));
        }

        return Task.FromResult<BrandCatalogChanges?>(BrandCatalogChanges.Delta(knownVersion, _version, changed, _brands));
    }

    public async Task<bool> PutAsync(BrandDefinition brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var isNew = !_brands.ContainsKey(brand.Id);
        await WriteAsync([brand], []);
        return isNew;
    }

    public async Task<BrandImportResult> ImportAsync(BrandDefinition[] brands)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var unique = new Dictionary<string, BrandDefinition>(brands.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var brand in brands)
        {
            unique[brand.Id] = brand;
        }

        var created = unique.Keys.Count(id => !_brands.ContainsKey(id));
        if (unique.Count > 0)
        {
            await WriteAsync([.. unique.Values], []);
        }

        return new BrandImportResult(created, unique.Count - created);
    }

    public async Task<bool> DeleteAsync(string brandId)
    {
        if (!_brands.TryGetValue(brandId, out var brand))
        {
            return false;
        }

        await WriteAsync([], [brand.Id]);
        return true;
    }

    public async Task<int> AddMissingAsync(BrandDefinition[] brands)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var missing = new Dictionary<string, BrandDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in brands)
        {
            if (!_brands.ContainsKey(brand.Id))
            {
                missing.TryAdd(brand.Id, brand);
            }
        }

        if (missing.Count > 0)
        {
            await WriteAsync([.. missing.Values], []);
        }

        return missing.Count;
    }

    /// <summary>Stores the change as the next version, then applies it here: nothing changes unless it was stored.</summary>
    private async Task WriteAsync(BrandDefinition[] upserted, string[] deleted)
    {
        // Ids are case-insensitive: a brand put under another spelling of a stored id replaces that record.
        var removed = new List<string>(deleted);
        foreach (var brand in upserted)
        {
            if (_brands.TryGetValue(brand.Id, out var previous) && !string.Equals(previous.Id, brand.Id, StringComparison.Ordinal))
            {
                removed.Add(previous.Id);
            }
        }

        var version = _version + 1;
        await store.WriteAsync(version, upserted, removed);
        foreach (var id in removed)
        {
            _brands.Remove(id);
        }

        foreach (var brand in upserted)
        {
            _brands[brand.Id] = brand;
        }

        _version = version;
        _sorted = null;
        _all = null;
        _log.Add(version, [.. upserted.Select(b => b.Id), .. removed]);
    }

    /// <summary>
    /// A catalog stored by an older Pulse, all brands in one grain-state record: copied once into the store, at its
    /// version, then removed (the store is the one copy from then on).
    /// </summary>
    private async Task<StoredBrandCatalog?> MigrateAsync(CancellationToken cancellationToken)
    {
        if (!legacy.RecordExists)
        {
            return null;
        }

        var migrated = new StoredBrandCatalog(legacy.State.Version, [.. legacy.State.Brands.Values]);
        await store.WriteAsync(migrated.Version, [.. migrated.Brands], [], cancellationToken);
        await legacy.ClearStateAsync(cancellationToken);
        LogMigrated(migrated.Brands.Count, migrated.Version);
        return migrated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Brand catalog moved to per-brand storage: {Count} brands at version {Version}")]
    private partial void LogMigrated(int count, long version);
}
