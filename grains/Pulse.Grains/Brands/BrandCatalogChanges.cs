namespace Pulse.Grains.Brands;

/// <summary>
/// How the catalog changed since a version a matcher knows: the brands put since then and the ids deleted, or, when
/// <see cref="IsComplete"/>, every brand (the catalog's change log no longer reaches back that far, or the change was
/// larger than a delta is worth).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BrandCatalogChanges(
    [property: Id(0)] long Since,
    [property: Id(1)] long Version,
    [property: Id(2)] bool IsComplete,
    [property: Id(3)] BrandDefinition[] Upserted,
    [property: Id(4)] string[] Deleted)
{
    /// <summary>
    /// The delta of the <paramref name="changed"/> ids against <paramref name="brands"/> as held now: an id still there was
    /// put, one that is gone was deleted. The catalog answers a matcher with it, and a matcher lays what changed during a
    /// rebuild on top of the new base with it.
    /// </summary>
    public static BrandCatalogChanges Delta(long since, long version, IReadOnlyCollection<string> changed, IReadOnlyDictionary<string, BrandDefinition> brands)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(brands);
        var upserted = new List<BrandDefinition>(changed.Count);
        var deleted = new List<string>();
        foreach (var id in changed)
        {
            if (brands.TryGetValue(id, out var brand))
            {
                upserted.Add(brand);
            }
            else
            {
                deleted.Add(id);
            }
        }

        return new BrandCatalogChanges(since, version, IsComplete: false, [.. upserted], [.. deleted]);
    }
}
