using System.Globalization;
using System.Text;
using Pulse.Analytics.Language;
using Pulse.Analytics.Matching;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Full-text search in the archive. Each mention's text is folded as brand matching folds it (lower case, ä → ae,
/// ß → ss, other diacritics dropped; <see cref="TextNormalizer.LatinFolds"/> is the one table) and indexed with its
/// language's PostgreSQL configuration: German and English stem, anything else is split on words only. A text with
/// umlauts is indexed a second time with them dropped (ü → u), as brand matching also matches "Muller" to "Müller".
/// A query is folded by the same SQL function, so "Störung", "Stoerung" and "STÖRUNG" find the same posts.
/// </summary>
internal static class ArchiveTextSearch
{
    /// <summary>The generated <c>tsvector</c> column of <see cref="ArchiveSchema.Mentions"/>.</summary>
    public const string Column = "search";

    /// <summary>Languages with their own configuration; the rest use <see cref="OtherConfig"/>.</summary>
    public static IReadOnlyList<(string Lang, string Config)> Configs { get; } = [(Languages.German, "german"), (Languages.English, "english")];

    public const string OtherConfig = "simple";

    /// <summary>
    /// The functions and the column, created or replaced at start. IMMUTABLE is a promise PostgreSQL holds us to:
    /// a generated column and its index keep what the functions returned when a row was written, so a change to the
    /// folding applies to rows written after it (the archive's 90 days replace them all).
    /// </summary>
    public static string Definitions { get; } = $"""
        CREATE OR REPLACE FUNCTION pulse_fold(body text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN {FoldExpression("body", dropUmlauts: false)};
        CREATE OR REPLACE FUNCTION pulse_fold_plain(body text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN {FoldExpression("body", dropUmlauts: true)};
        CREATE OR REPLACE FUNCTION pulse_search_config(lang text) RETURNS regconfig
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN CASE lang {string.Concat(Configs.Select(c => $"WHEN '{c.Lang}' THEN 'pg_catalog.{c.Config}'::regconfig "))}ELSE 'pg_catalog.{OtherConfig}'::regconfig END;
        CREATE OR REPLACE FUNCTION pulse_search_vector(lang text, body text) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN CASE WHEN body ~ {Literal("[äöüÄÖÜ\u0308]")}
                THEN pg_catalog.to_tsvector(pulse_search_config(lang), pulse_fold(body)) || pg_catalog.to_tsvector(pulse_search_config(lang), pulse_fold_plain(body))
                ELSE pg_catalog.to_tsvector(pulse_search_config(lang), pulse_fold(body)) END;
        ALTER TABLE {ArchiveSchema.Mentions} ADD COLUMN IF NOT EXISTS {Column} tsvector
            GENERATED ALWAYS AS (pulse_search_vector(lang, text)) STORED;
        CREATE INDEX IF NOT EXISTS {ArchiveSchema.Mentions}_search ON {ArchiveSchema.Mentions} USING gin ({Column});
        """;

    /// <summary>
    /// Whether a row matches the web-search query in parameter <paramref name="query"/> (quoted phrases, -word, or),
    /// parsed in the row's own language. With <paramref name="lang"/> known only that language's branch remains; without,
    /// one branch per configuration, each an index scan of the same GIN index.
    /// </summary>
    public static string Match(string query, string? lang)
    {
        string Branch(string config) => $"{Column} @@ pg_catalog.websearch_to_tsquery('pg_catalog.{config}', pulse_fold({query}))";
        if (lang is not null)
        {
            return Branch(Configs.FirstOrDefault(c => c.Lang == lang).Config ?? OtherConfig);
        }

        var known = string.Join(", ", Configs.Select(c => $"'{c.Lang}'"));
        return "(" + string.Join(" OR ", Configs.Select(c => $"(lang = '{c.Lang}' AND {Branch(c.Config)})"))
            + $" OR ((lang IS NULL OR lang NOT IN ({known})) AND {Branch(OtherConfig)}))";
    }

    /// <summary>
    /// The SQL of the fold: the multi-letter foldings (ä → ae, ß → ss) by replace, the single letters by one translate,
    /// which also deletes combining marks (a decomposed "u" + U+0308 has become "ue" before). Lower case last.
    /// </summary>
    internal static string FoldExpression(string argument, bool dropUmlauts)
    {
        var expression = argument;
        if (dropUmlauts)
        {
            expression = $"pg_catalog.translate({expression}, {Literal("äöüÄÖÜ")}, 'aouaou')";
        }
        else
        {
            expression = $"pg_catalog.replace({expression}, U&'\\0308', 'e')";
        }

        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (letter, folded) in TextNormalizer.LatinFolds())
        {
            if (folded.Length == 1)
            {
                from.Append(letter);
                to.Append(folded);
            }
            else if (folded.Length == 0)
            {
                from.Append(letter);
                to.Append(' ');
            }
            else
            {
                expression = $"pg_catalog.replace({expression}, {Literal(letter.ToString())}, {Literal(folded)})";
            }
        }

        // Past the end of the target list, translate deletes: the combining marks U+0300–U+036F.
        for (var mark = '\u0300'; mark <= '\u036F'; mark++)
        {
            from.Append(mark);
        }

        return $"pg_catalog.lower(pg_catalog.translate({expression}, {Literal(from.ToString())}, {Literal(to.ToString())}))";
    }

    /// <summary>A Unicode-escaped SQL literal (U&amp;'\00e4'), so the DDL is ASCII whatever the client encoding.</summary>
    private static string Literal(string value)
    {
        var builder = new StringBuilder("U&'");
        foreach (var c in value)
        {
            if (c is >= ' ' and < '\u007f' and not '\'' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('\'').ToString();
    }
}
