namespace Pulse.Grains.Brands;

internal sealed class BrandCatalogGrain(
    [PersistentState("brands", GrainStorageNames.Pulse)] IPersistentState<BrandCatalogState> state)
    : Grain, IBrandCatalogGrain
{
    private BrandCatalogSnapshot? _snapshot;

    public Task<BrandCatalogSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task<BrandCatalogSnapshot?> GetIfNewerAsync(long knownVersion) =>
        Task.FromResult(state.State.Version == knownVersion ? null : Snapshot());

    public async Task<bool> PutAsync(BrandDefinition brand)
    {
        var isNew = !state.State.Brands.ContainsKey(brand.Id);
        state.State.Brands[brand.Id] = brand;
        await SaveAsync();
        return isNew;
    }

    public async Task<bool> DeleteAsync(string brandId)
    {
        if (!state.State.Brands.Remove(brandId))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    public async Task<int> AddMissingAsync(BrandDefinition[] brands)
    {
        var added = 0;
        foreach (var brand in brands)
        {
            if (state.State.Brands.TryAdd(brand.Id, brand))
            {
                added++;
            }
        }

        if (added > 0)
        {
            await SaveAsync();
        }

        return added;
    }

    private async Task SaveAsync()
    {
        state.State.Version++;
        _snapshot = null;
        await state.WriteStateAsync();
    }

    private BrandCatalogSnapshot Snapshot() =>
        _snapshot ??= new BrandCatalogSnapshot(
            state.State.Version,
            [.. state.State.Brands.Values.OrderBy(b => b.Id, StringComparer.OrdinalIgnoreCase)]);
}
