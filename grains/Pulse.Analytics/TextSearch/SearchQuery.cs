namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A search as a person types it, in the syntax of PostgreSQL's <c>websearch_to_tsquery</c>: <c>outage berlin</c> needs
/// both words, <c>"kind of magic"</c> is a phrase, <c>-refund</c> and <c>-"gift card"</c> exclude, and
/// <c>outage or störung</c> takes either (OR binds looser than the implicit AND). Parsing never fails; the words are
/// analysed only by <see cref="Compile"/>, once per mention language searched.
/// </summary>
public sealed class SearchQuery
{
    private readonly List<List<QueryOperand>> _clauses;

    private SearchQuery(List<List<QueryOperand>> clauses) => _clauses = clauses;

    /// <summary>True when there was no operand at all (an empty or blank query, or only "or" and '-').</summary>
    public bool IsEmpty => _clauses.Count == 0;

    /// <summary>Parses any text (null reads as empty) without throwing: there is no syntax error in web-search syntax.</summary>
    public static SearchQuery Parse(string? text) => new(WebSearchParser.Parse(text));

    /// <summary>
    /// The query for mentions in language <paramref name="lang"/> ("de", "en"; anything else, or null, is "simple"):
    /// each word and phrase analysed as <paramref name="analyzer"/> analyses such mentions. A word that is only a stop
    /// word drops out, a word of several parts ("e-mail") becomes a phrase, and what has no term left matches nothing.
    /// </summary>
    public CompiledSearchQuery Compile(string? lang, SearchAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var language = SearchLanguage.Of(lang);
        var tokens = new List<SearchToken>();
        var clauses = new List<CompiledClause>(_clauses.Count);
        foreach (var operands in _clauses)
        {
            var required = new List<SearchPhrase>();
            var excluded = new List<SearchPhrase>();
            foreach (var operand in operands)
            {
                tokens.Clear();
                analyzer.Analyze(operand.Text, language, tokens, umlautAlternatives: false);
                if (tokens.Count > 0)
                {
                    (operand.Negated ? excluded : required).Add(SearchPhrase.Of(tokens));
                }
            }

            // An alternative whose every word was a stop word is gone, as in PostgreSQL: "the or outage" is "outage".
            if (required.Count > 0 || excluded.Count > 0)
            {
                clauses.Add(new CompiledClause([.. required], [.. excluded]));
            }
        }

        return new CompiledSearchQuery(clauses);
    }

    /// <summary>The query as it could be typed again: alternatives joined by " or ".</summary>
    public override string ToString() => string.Join(" or ", _clauses.Select(clause => string.Join(' ', clause)));
}
