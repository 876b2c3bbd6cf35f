using Pulse.Analytics.TextSearch;

namespace Pulse.Analytics.Tests.TextSearch;

/// <summary>Shorthands of the text-search tests: one analyzer for all of them, as the archive has one.</summary>
internal static class Search
{
    public static readonly SearchAnalyzer Analyzer = new();

    public static List<SearchToken> Tokens(string text, string? lang)
    {
        var tokens = new List<SearchToken>();
        Analyzer.Analyze(text, lang, tokens);
        return tokens;
    }

    /// <summary>The tokens as "position:term" joined by spaces, for readable assertions.</summary>
    public static string Show(string text, string? lang) => string.Join(' ', Tokens(text, lang).Select(t => $"{t.Position}:{t.Term}"));

    public static CompiledSearchQuery Compile(string query, string? lang) => SearchQuery.Parse(query).Compile(lang, Analyzer);

    public static bool Finds(string query, string text, string? lang) => Compile(query, lang).Matches(Tokens(text, lang));
}
