using Pulse.Analytics.Language;
using Pulse.Analytics.Matching;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Full-text search in the archive. Each mention's text is folded by brand matching's own folding
/// (<see cref="TextNormalizer.FoldText"/>: lower case, ä → ae, ß → ss, other diacritics dropped) when it is written,
/// and indexed with its language's PostgreSQL configuration: German and English stem, anything else is split into
/// words only. A text with umlauts is indexed a second time with them dropped (ü → u), as brand matching also finds
/// "Müller" written "Muller". A query is folded the same way, so "Störung", "Stoerung" and "STÖRUNG" find the same
/// posts. Folding in .NET rather than in SQL keeps one implementation, and costs PostgreSQL nothing.
/// </summary>
internal static class ArchiveTextSearch
{
    /// <summary>The <c>tsvector</c> column of <see cref="ArchiveSchema.Mentions"/>.</summary>
    public const string Column = "search";

    /// <summary>Languages with their own configuration; the rest use <see cref="OtherConfig"/>.</summary>
    public static IReadOnlyList<(string Lang, string Config)> Configs { get; } = [(Languages.German, "german"), (Languages.English, "english")];

    public const string OtherConfig = "simple";

    /// <summary>
    /// The column and its GIN index: on (brand_id, search) when <paramref name="brandKeyed"/> (btree_gin is there), so a
    /// brand's words are found without a second index; else on the words alone.
    /// </summary>
    public static string Definitions(bool brandKeyed) => $"""
        ALTER TABLE {ArchiveSchema.Mentions} ADD COLUMN IF NOT EXISTS {Column} tsvector;
        CREATE INDEX IF NOT EXISTS {ArchiveSchema.Mentions}_{(brandKeyed ? "brand_search" : "search")} ON {ArchiveSchema.Mentions}
            USING gin ({(brandKeyed ? "brand_id, " : "")}{Column});
        {(brandKeyed ? $"DROP INDEX IF EXISTS {ArchiveSchema.Mentions}_search;" : "")}
        """;

    /// <summary>The folded text (and, for a text with umlauts, its folding without them; otherwise null) to index.</summary>
    public static (string Folded, string? Plain) Fold(string text)
    {
        var folded = TextNormalizer.FoldText(text, dropUmlauts: false, out var hadUmlaut);
        return (folded, hadUmlaut ? TextNormalizer.FoldText(text, dropUmlauts: true, out _) : null);
    }

    /// <summary>A query folded as the texts were.</summary>
    public static string FoldQuery(string query) => TextNormalizer.FoldText(query, dropUmlauts: false, out _);

    /// <summary>The <c>tsvector</c> of a row from its language and the two columns <see cref="Fold"/> gave.</summary>
    public static string Vector(string lang, string folded, string plain)
    {
        var config = ConfigOf(lang);
        return $"CASE WHEN {plain} IS NULL THEN pg_catalog.to_tsvector({config}, {folded}) "
            + $"ELSE pg_catalog.to_tsvector({config}, {folded}) || pg_catalog.to_tsvector({config}, {plain}) END";
    }

    /// <summary>The statement that parses a folded query (parameter <paramref name="query"/>) in every configuration.</summary>
    public static string ParseAll(string query) =>
        "SELECT " + string.Join(", ", AllConfigs.Select(c => $"pg_catalog.websearch_to_tsquery('pg_catalog.{c}', {query})::text"));

    public static IReadOnlyList<string> AllConfigs { get; } = [.. Configs.Select(c => c.Config), OtherConfig];

    /// <summary>
    /// Whether a row matches, given the query as each configuration parsed it (<see cref="ParseAll"/>, in
    /// <see cref="AllConfigs"/> order): one branch per distinct parse, each limited to the languages that parse it so,
    /// so a word that stems alike in German and English is looked up once. Parses are passed as parameters named
    /// <paramref name="prefix"/>0, 1…, returned with their values. An empty parse (only stop words) matches nothing.
    /// </summary>
    public static (string Sql, IReadOnlyList<string> Parameters) Match(IReadOnlyList<string> parses, string? lang, string prefix)
    {
        var configs = AllConfigs.Select((config, i) => (Config: config, Lang: i < Configs.Count ? Configs[i].Lang : null, Parse: parses[i])).ToArray();
        if (lang is not null)
        {
            var chosen = configs.FirstOrDefault(c => c.Lang == lang);
            configs = [chosen.Config is null ? configs[^1] : chosen];
        }

        var branches = new List<string>();
        var parameters = new List<string>();
        foreach (var group in configs.Where(c => c.Parse.Length > 0).GroupBy(c => c.Parse, StringComparer.Ordinal))
        {
            var name = $"{prefix}{parameters.Count}";
            parameters.Add(group.Key);
            var langs = group.Where(c => c.Lang is not null).Select(c => $"'{c.Lang}'").ToArray();
            var others = group.Any(c => c.Lang is null);
            var excluded = Configs.Select(c => $"'{c.Lang}'").Except(langs).ToArray();
            var condition = lang is not null ? null
                : others ? (excluded.Length == 0 ? null : $"(lang IS NULL OR lang NOT IN ({string.Join(", ", excluded)}))")
                : $"lang IN ({string.Join(", ", langs)})";
            var match = $"{Column} @@ @{name}::tsquery";
            branches.Add(condition is null ? match : $"({condition} AND {match})");
        }

        return (branches.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", branches) + ")", parameters);
    }

    private static string ConfigOf(string lang) =>
        $"CASE {lang} {string.Concat(Configs.Select(c => $"WHEN '{c.Lang}' THEN 'pg_catalog.{c.Config}'::regconfig "))}ELSE 'pg_catalog.{OtherConfig}'::regconfig END";
}
