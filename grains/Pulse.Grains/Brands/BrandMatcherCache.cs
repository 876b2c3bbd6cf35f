using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Brands;

/// <summary>
/// Keeps this silo's compiled matcher in step with the catalog. Asking the catalog "anything newer?"
/// once per batch is cheap and means a brand saved over the API applies to the very next batch.
/// </summary>
internal sealed partial class BrandMatcherCache(IGrainFactory grains, ILogger<BrandMatcherCache> logger)
{
    private volatile CompiledBrands _current = CompiledBrands.Empty;

    public async ValueTask<CompiledBrands> CurrentAsync()
    {
        var current = _current;
        var newer = await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetIfNewerAsync(current.Version);
        if (newer is null)
        {
            return current;
        }

        // Two partitions may compile the same version at once; that is cheaper than making them wait on a lock.
        var compiled = new CompiledBrands(newer);
        foreach (var (brand, reason) in compiled.Skipped)
        {
            LogSkipped(brand, compiled.Version, reason);
        }

        _current = compiled;
        return compiled;
    }

    /// <summary>
    /// <see cref="CurrentAsync"/> for an ingestor matching before it accepts: a catalog that cannot be read makes the
    /// batch unavailable (503, the client keeps it) rather than an error.
    /// </summary>
    public async ValueTask<CompiledBrands> CurrentForIngestAsync()
    {
        try
        {
            return await CurrentAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new IngestUnavailableException("The brand catalog could not be read.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Brand {Brand} is left out of matching (catalog version {Version}): {Reason} Fix its query over the API")]
    private partial void LogSkipped(string brand, long version, string reason);
}
