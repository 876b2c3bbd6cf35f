using Pulse.Dashboard.Teams;
using Pulse.Silo.Brands;

namespace Pulse.Silo.Auth.Teams;

/// <summary>
/// A requested team (<c>brands</c> of <c>POST /api/keys</c>, <c>POST /api/users</c>, <c>pulse users add</c>): brand ids
/// shaped like every brand id (they need not exist yet), trimmed and de-duplicated; empty or absent for every brand.
/// </summary>
public static class TeamBrands
{
    /// <summary>More brands than a team watches; bounds the stored JSON, the claims and a hub connection's overview groups.</summary>
    public const int MaxBrands = 1000;

    /// <summary>The brands to store, or null and why not (for a 400 naming <c>brands</c>).</summary>
    public static string[]? Parse(IReadOnlyList<string?>? requested, out string? problem)
    {
        var brands = (requested ?? []).Select(b => b?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToArray();
        if (brands.Length > MaxBrands)
        {
            problem = $"At most {MaxBrands} brands; leave the list empty for all brands.";
            return null;
        }

        if (brands.FirstOrDefault(b => !BrandValidator.IsValidId(b)) is { } badBrand)
        {
            problem = $"'{badBrand}' is not a brand id (lower-case letters, digits, '.', '_' or '-'); leave the list empty for all brands.";
            return null;
        }

        problem = null;
        return brands;
    }

    /// <summary>The scope a stored list grants: every brand when empty.</summary>
    public static BrandScope ScopeOf(IReadOnlyCollection<string> brands)
    {
        ArgumentNullException.ThrowIfNull(brands);
        return brands.Count == 0 ? BrandScope.Every : BrandScope.Only(brands);
    }
}
