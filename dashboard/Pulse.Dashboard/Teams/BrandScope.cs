namespace Pulse.Dashboard.Teams;

/// <summary>
/// The brands one caller may see: every brand, or only those listed (an agency's client team). Ids compare
/// case-insensitively, as the brand catalog finds them. A listed brand need not exist yet: a team may be set up before
/// its brand is.
/// </summary>
public sealed class BrandScope
{
    private readonly HashSet<string>? _brands;

    private BrandScope(HashSet<string>? brands) => _brands = brands;

    public static BrandScope Every { get; } = new(null);

    /// <summary>Only <paramref name="brandIds"/>; an empty list sees nothing (the scope of no identity at all).</summary>
    public static BrandScope Only(IEnumerable<string> brandIds) => new(new HashSet<string>(brandIds, StringComparer.OrdinalIgnoreCase));

    public bool IsEvery => _brands is null;

    /// <summary>The listed brands; empty for <see cref="Every"/>.</summary>
    public IReadOnlyCollection<string> Brands => _brands is null ? [] : _brands;

    public bool Includes(string brandId) => _brands is null || _brands.Contains(brandId);

    /// <summary>
    /// Whether this scope sees everything <paramref name="other"/> does: a caller may hand out (a key, an account) only
    /// brands it sees itself, so a team-limited admin cannot mint a wider identity than its own.
    /// </summary>
    public bool Covers(BrandScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _brands is null || (other._brands is not null && other._brands.IsSubsetOf(_brands));
    }

    public override string ToString() => _brands is null ? "every brand" : string.Join(", ", _brands.Order(StringComparer.Ordinal));
}
