namespace Pulse.Analytics.TextSearch;

/// <summary>One alternative of a compiled query: a mention matches it when every required phrase occurs and no excluded one.</summary>
internal sealed record CompiledClause(SearchPhrase[] Required, SearchPhrase[] Excluded)
{
    /// <summary>In <c>tsquery</c> notation: <c>'outag' &amp; !'refund'</c>.</summary>
    public override string ToString() =>
        string.Join(" & ", Required.Select(Render).Concat(Excluded.Select(phrase => "!" + Render(phrase))));

    private static string Render(SearchPhrase phrase) => phrase.Terms.Length == 1 ? phrase.ToString() : "(" + phrase + ")";
}
