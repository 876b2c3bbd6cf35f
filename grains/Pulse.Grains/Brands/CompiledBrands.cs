using Pulse.Analytics.Matching;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Brands;

/// <summary>
/// One catalog version compiled for matching: immutable, shared by all ingest partitions of a silo. A compiled base of
/// every brand with the brands changed since on top (<see cref="LayeredBrandMatcher"/>): <see cref="With"/> costs the
/// changed brands, <see cref="Compile"/> every brand.
/// </summary>
internal sealed class CompiledBrands
{
    private readonly LayeredBrandMatcher _matcher;

    /// <summary>The ids of the base's brands, for tagged mentions (brands left out of matching included).</summary>
    private readonly HashSet<string> _baseIds;

    /// <summary>Ids changed since the base: the id as now spelled, or null once deleted.</summary>
    private readonly Dictionary<string, string?> _changedIds;

    private CompiledBrands(long version, LayeredBrandMatcher matcher, HashSet<string> baseIds, Dictionary<string, string?> changedIds, IReadOnlyDictionary<string, string> skipped)
    {
        Version = version;
        _matcher = matcher;
        _baseIds = baseIds;
        _changedIds = changedIds;
        Skipped = skipped;
    }

    public static CompiledBrands Empty { get; } = Compile(-1, []);

    public long Version { get; }

    /// <summary>Brands of the catalog that this compile (of all brands, or of the changed ones) left out of matching, with the reason: they break a rule they predate.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; }

    /// <summary>Brands changed since the base was compiled: what each further <see cref="With"/> recompiles.</summary>
    public int ChangeCount => _matcher.ChangeCount;

    /// <summary>Every brand compiled afresh (a silo's first version, an import, a rebuild of the base).</summary>
    public static CompiledBrands Compile(long version, IReadOnlyCollection<BrandDefinition> brands)
    {
        // A brand saved before a rule existed (the query limits, say) is left out of matching alone: one stored brand
        // must not stop every brand's ingest. Mentions tagged with it still reach it.
        var matcher = BrandMatcher.CompileValid(brands.Select(b => b.ToQuery()));
        var ids = new HashSet<string>(brands.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var brand in brands)
        {
            ids.Add(brand.Id);
        }

        return new CompiledBrands(version, new LayeredBrandMatcher(matcher), ids, new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), matcher.Skipped);
    }

    /// <summary>This compile with <paramref name="upserted"/> put and <paramref name="deleted"/> removed, as <paramref name="version"/>.</summary>
    public CompiledBrands With(long version, IReadOnlyCollection<BrandDefinition> upserted, IReadOnlyCollection<string> deleted)
    {
        var matcher = _matcher.With(upserted.Select(b => b.ToQuery()), deleted);
        var changedIds = new Dictionary<string, string?>(_changedIds, StringComparer.OrdinalIgnoreCase);
        foreach (var brand in upserted)
        {
            changedIds.Remove(brand.Id); // the new spelling of the id, should it differ
            changedIds[brand.Id] = brand.Id;
        }

        foreach (var id in deleted)
        {
            changedIds[id] = null;
        }

        var skipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in upserted)
        {
            if (matcher.OverlaySkipped.TryGetValue(brand.Id, out var reason))
            {
                skipped[brand.Id] = reason;
            }
        }

        return new CompiledBrands(version, matcher, _baseIds, changedIds, skipped);
    }

    /// <summary>
    /// Adds the brands <paramref name="mention"/> names to <paramref name="into"/>: its tag when that is a known brand (in
    /// the catalog's spelling, without matching), otherwise every brand whose query its text and author match.
    /// </summary>
    public void Match(Mention mention, List<string> into)
    {
        if (mention.Brand is { } tagged && Canonical(tagged) is { } canonical)
        {
            into.Add(canonical);
        }
        else
        {
            _matcher.Match(mention.Text, mention.Author, into);
        }
    }

    /// <summary>
    /// The one matching loop of ingest: calls <paramref name="found"/> with each mention that names at least one brand and
    /// the brands it names (a list reused between calls: copy what you keep). Returns the mentions that named at least
    /// one brand, in order.
    /// </summary>
    public List<Mention> MatchAll(IReadOnlyList<Mention> mentions, Action<Mention, List<string>> found)
    {
        var matched = new List<string>(4);
        var named = new List<Mention>();
        foreach (var mention in mentions)
        {
            matched.Clear();
            Match(mention, matched);
            if (matched.Count == 0)
            {
                continue;
            }

            named.Add(mention);
            found(mention, matched);
        }

        return named;
    }

    /// <summary>The catalog's spelling of <paramref name="id"/>, or null when no brand has it.</summary>
    private string? Canonical(string id)
    {
        if (_changedIds.TryGetValue(id, out var changed))
        {
            return changed;
        }

        return _baseIds.TryGetValue(id, out var known) ? known : null;
    }
}
