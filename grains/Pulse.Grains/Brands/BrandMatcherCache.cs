namespace Pulse.Grains.Brands;

/// <summary>
/// Keeps this silo's compiled matcher in step with the catalog. Asking the catalog "anything newer?"
/// once per batch is cheap and means a brand saved over the API applies to the very next batch.
/// </summary>
internal sealed class BrandMatcherCache(IGrainFactory grains)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile CompiledBrands _current = CompiledBrands.Empty;

    public async ValueTask<CompiledBrands> CurrentAsync()
    {
        var current = _current;
        var catalog = grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);
        var newer = await catalog.GetIfNewerAsync(current.Version);
        if (newer is null)
        {
            return current;
        }

        await _rebuild.WaitAsync();
        try
        {
            if (_current.Version != newer.Version)
            {
                _current = new CompiledBrands(newer);
            }

            return _current;
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
