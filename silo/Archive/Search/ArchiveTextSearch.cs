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

    public static string Definitions { get; } = $"""
        ALTER TABLE {ArchiveSchema.Mentions} ADD COLUMN IF NOT EXISTS {Column} tsvector;
        CREATE INDEX IF NOT EXISTS {ArchiveSchema.Mentions}_search ON {ArchiveSchema.Mentions} USING gin ({Column});
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

    /// <summary>
    /// Whether a row matches the folded web-search query in parameter <paramref name="query"/> (quoted phrases, -word,
    /// or), parsed in the row's own language. With <paramref name="lang"/> known only that language's branch remains;
    /// without, one branch per configuration, each a scan of the same GIN index.
    /// </summary>
    public static string Match(string query, string? lang)
    {
        string Branch(string config) => $"{Column} @@ pg_catalog.websearch_to_tsquery('pg_catalog.{config}', {query})";
        if (lang is not null)
        {
            return Branch(Configs.FirstOrDefault(c => c.Lang == lang).Config ?? OtherConfig);
        }

        var known = string.Join(", ", Configs.Select(c => $"'{c.Lang}'"));
        return "(" + string.Join(" OR ", Configs.Select(c => $"(lang = '{c.Lang}' AND {Branch(c.Config)})"))
            + $" OR ((lang IS NULL OR lang NOT IN ({known})) AND {Branch(OtherConfig)}))";
    }

    private static string ConfigOf(string lang) =>
        $"CASE {lang} {string.Concat(Configs.Select(c => $"WHEN '{c.Lang}' THEN 'pg_catalog.{c.Config}'::regconfig "))}ELSE 'pg_catalog.{OtherConfig}'::regconfig END";
}
