namespace Pulse.Grains.Brands;

/// <summary>
/// Finding a brand by an id from outside (a URL, a hub call) in the catalog first: a grain keyed by an arbitrary id would
/// be activated, and its storage read, for every id anyone cares to send.
/// </summary>
public static class BrandCatalogLookup
{
    /// <summary>The brand with this id (case-insensitive), or null; asks only the catalog grain.</summary>
    public static async Task<BrandDefinition?> FindBrandAsync(this IGrainFactory grains, string id)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).FindAsync(id);
    }
}
