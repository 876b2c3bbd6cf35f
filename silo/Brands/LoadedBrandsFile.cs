using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands;

/// <summary>
/// The brands file read once at start for both its users: start-up validation (<see cref="BrandsOptionsValidator"/>)
/// and the seeder, which takes it. A file of 100 000 brands takes seconds to read and validate.
/// </summary>
internal sealed class LoadedBrandsFile
{
    private readonly Lock _lock = new();
    private (string Path, DateTime Written, BrandDefinition[] Brands)? _loaded;

    /// <summary>The file's brands, validated (see <see cref="BrandsFile.Load"/>); read again only if the file changed since.</summary>
    public BrandDefinition[] Load(string path)
    {
        lock (_lock)
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (_loaded is { } loaded && loaded.Path == path && loaded.Written == written)
            {
                return loaded.Brands;
            }

            var brands = BrandsFile.Load(path);
            _loaded = (path, written, brands);
            return brands;
        }
    }

    /// <summary>The file's brands for the last time: nothing is kept after.</summary>
    public BrandDefinition[] Take(string path)
    {
        lock (_lock)
        {
            var brands = Load(path);
            _loaded = null;
            return brands;
        }
    }
}
