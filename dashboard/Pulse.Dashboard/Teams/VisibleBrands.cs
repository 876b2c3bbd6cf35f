using Pulse.Grains.Brands;

namespace Pulse.Dashboard.Teams;

/// <summary>Looking a brand up for a caller: the hub, the read APIs and the silo's brand and alert APIs share this rule.</summary>
public static class VisibleBrands
{
    /// <summary>
    /// The brand with this id (case-insensitive) if <paramref name="scope"/> includes it. Null for an unknown brand and an
    /// invisible one alike, so callers answer both the same (404) and a team-limited caller cannot learn by guessing
    /// which other brands exist. Asks only the catalog grain.
    /// </summary>
    public static async Task<BrandDefinition?> FindVisibleBrandAsync(this IGrainFactory grains, string id, BrandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var brand = await grains.FindBrandAsync(id);
        return brand is not null && scope.Includes(brand.Id) ? brand : null;
    }
}
