namespace Pulse.Analytics.Matching;

/// <summary>
/// A compiled <see cref="BrandMatcher"/> (the base) with the brands changed since on top (the overlay), so that one
/// change costs a compile of the changed brands rather than of every brand. Brands put since the base was compiled are
/// compiled into the overlay; their ids and those of deleted brands are masked out of the base's results. It matches
/// exactly what one matcher compiled over the current brands would (in another order: the base's matches first). The
/// overlay grows with every change until the owner compiles a new base (<see cref="ChangeCount"/> says when).
/// Immutable and thread-safe.
/// </summary>
public sealed class LayeredBrandMatcher
{
    private readonly BrandMatcher _base;
    private readonly BrandMatcher _overlay;

    /// <summary>Every brand changed since the base: its query now, or null once deleted.</summary>
    private readonly Dictionary<string, BrandQuery?> _changes;
    private readonly HashSet<string> _masked;

    /// <summary>A matcher of <paramref name="baseMatcher"/>'s brands alone.</summary>
    public LayeredBrandMatcher(BrandMatcher baseMatcher)
        : this(baseMatcher, new Dictionary<string, BrandQuery?>(StringComparer.OrdinalIgnoreCase))
    {
    }

    private LayeredBrandMatcher(BrandMatcher baseMatcher, Dictionary<string, BrandQuery?> changes)
    {
        ArgumentNullException.ThrowIfNull(baseMatcher);
        _base = baseMatcher;
        _changes = changes;
        _masked = new HashSet<string>(changes.Keys, StringComparer.OrdinalIgnoreCase);
        _overlay = BrandMatcher.CompileValid(changes.Values.OfType<BrandQuery>());
    }

    /// <summary>Brands changed or deleted since the base was compiled: what each further change recompiles.</summary>
    public int ChangeCount => _changes.Count;

    /// <summary>The brands of the overlay left out of matching, with the reason (see <see cref="BrandMatcher.CompileValid"/>).</summary>
    public IReadOnlyDictionary<string, string> OverlaySkipped => _overlay.Skipped;

    /// <summary>
    /// This matcher with <paramref name="upserted"/> put (created or replaced) and <paramref name="deleted"/> removed, in
    /// that order; costs a compile of the overlay, not of the base.
    /// </summary>
    public LayeredBrandMatcher With(IEnumerable<BrandQuery> upserted, IEnumerable<string> deleted)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deleted);
        var changes = new Dictionary<string, BrandQuery?>(_changes, StringComparer.OrdinalIgnoreCase);
        foreach (var brand in upserted)
        {
            changes[brand.BrandId] = brand;
        }

        foreach (var id in deleted)
        {
            changes[id] = null;
        }

        return new LayeredBrandMatcher(_base, changes);
    }

    /// <summary>Adds to <paramref name="matchedBrandIds"/> the id of each brand the mention matches, once each.</summary>
    public void Match(ReadOnlySpan<char> text, string? author, ICollection<string> matchedBrandIds)
    {
        ArgumentNullException.ThrowIfNull(matchedBrandIds);
        if (_changes.Count == 0)
        {
            _base.Match(text, author, matchedBrandIds);
            return;
        }

        BrandMatcher.MatchText(text, author, matchedBrandIds, _base, _masked, _overlay);
    }
}
