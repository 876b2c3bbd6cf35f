using Pulse.Analytics.Matching;

namespace Pulse.Grains.Brands;

/// <summary>One catalog version compiled for matching: immutable, shared by all ingest partitions of a silo.</summary>
internal sealed class CompiledBrands
{
    public static CompiledBrands Empty { get; } = new(new BrandCatalogSnapshot(-1, []));

    public CompiledBrands(BrandCatalogSnapshot snapshot)
    {
        Version = snapshot.Version;
        Ids = snapshot.Brands.Select(b => b.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Matcher = new BrandMatcher(snapshot.Brands.Select(b => b.ToQuery()));
    }

    public long Version { get; }

    public HashSet<string> Ids { get; }

    public BrandMatcher Matcher { get; }
}
