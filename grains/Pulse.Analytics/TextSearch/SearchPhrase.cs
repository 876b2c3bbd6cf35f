namespace Pulse.Analytics.TextSearch;

/// <summary>
/// An analysed operand: its terms with their positions relative to the first (a single word has one term at 0).
/// Stop words inside keep their gap, so "kind of magic" wants "magic" two positions after "kind" (PostgreSQL's <c>&lt;2&gt;</c>).
/// </summary>
internal sealed class SearchPhrase
{
    private SearchPhrase(string[] terms, int[] offsets)
    {
        Terms = terms;
        Offsets = offsets;
    }

    public string[] Terms { get; }

    /// <summary>Ascending, starting with 0.</summary>
    public int[] Offsets { get; }

    /// <summary>The phrase of a query operand's tokens (at most one per position, as a query has no umlaut alternatives).</summary>
    public static SearchPhrase Of(List<SearchToken> tokens)
    {
        var terms = new string[tokens.Count];
        var offsets = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            terms[i] = tokens[i].Term;
            offsets[i] = tokens[i].Position - tokens[0].Position;
        }

        return new SearchPhrase(terms, offsets);
    }

    /// <summary>In <c>tsquery</c> notation: <c>'kind' &lt;2&gt; 'magic'</c>.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < Terms.Length; i++)
        {
            if (i > 0)
            {
                int distance = Offsets[i] - Offsets[i - 1];
                text.Append(distance == 1 ? " <-> " : $" <{distance}> ");
            }

            text.Append('\'').Append(Terms[i]).Append('\'');
        }

        return text.ToString();
    }
}
