using Pulse.Analytics.Matching;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Brands;

/// <summary>One catalog version compiled for matching: immutable, shared by all ingest partitions of a silo.</summary>
internal sealed class CompiledBrands
{
    public static CompiledBrands Empty { get; } = new(new BrandCatalogSnapshot(-1, []));

    public CompiledBrands(BrandCatalogSnapshot snapshot)
    {
        Version = snapshot.Version;
        Ids = snapshot.Brands.Select(b => b.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A brand saved before a rule existed (the query limits, say) is left out of matching alone: one stored brand
        // must not stop every brand's ingest. Mentions tagged with it still reach it.
        var valid = new List<BrandQuery>(snapshot.Brands.Length);
        var skipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in snapshot.Brands)
        {
            var query = brand.ToQuery();
            if (BrandQueryParser.Validate(query) is { Count: > 0 } errors)
            {
                skipped[brand.Id] = string.Join(" ", errors);
            }
            else
            {
                valid.Add(query);
            }
        }

        Matcher = new BrandMatcher(valid);
        Skipped = skipped;
    }

    /// <summary>Brands of the catalog left out of matching, with the reason: they break a rule they predate.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; }

    public long Version { get; }

    public HashSet<string> Ids { get; }

    public BrandMatcher Matcher { get; }

    /// <summary>
    /// Adds the brands <paramref name="mention"/> names to <paramref name="into"/>: its tag when that is a known brand (in
    /// the catalog's spelling, without matching), otherwise every brand whose query its text and author match.
    /// </summary>
    public void Match(Mention mention, List<string> into)
    {
        if (mention.Brand is { } tagged && Ids.TryGetValue(tagged, out var canonical))
        {
            into.Add(canonical);
        }
        else
        {
            Matcher.Match(mention.Text, mention.Author, into);
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
}
