namespace Pulse.Analytics.TextSearch;

/// <summary>
/// The syntax of PostgreSQL's <c>websearch_to_tsquery</c>: bare words are ANDed, "quoted text" is a phrase, '-' before a
/// word or a quote negates it, and the word "or" (any case) between two operands starts an alternative, so OR binds
/// looser than the implicit AND. Any other character is left to analysis, which ignores punctuation. There is no error:
/// an unclosed quote runs to the end, and a lone '-' or an "or" with nothing on one side is dropped.
/// </summary>
internal static class WebSearchParser
{
    /// <summary>The alternatives (OR) of <paramref name="text"/>, each the operands it ANDs; none for an empty query.</summary>
    public static List<List<QueryOperand>> Parse(ReadOnlySpan<char> text)
    {
        var clauses = new List<List<QueryOperand>>();
        var clause = new List<QueryOperand>();
        bool orPending = false;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            bool negated = false;
            if (text[i] == '-')
            {
                int dashes = i;
                while (dashes < text.Length && text[dashes] == '-')
                {
                    dashes++;
                }

                i = dashes;
                if (i == text.Length || char.IsWhiteSpace(text[i]))
                {
                    continue; // a lone '-' negates nothing
                }

                negated = true;
            }

            QueryOperand operand;
            if (text[i] == '"')
            {
                int length = text[(i + 1)..].IndexOf('"');
                int end = length < 0 ? text.Length : i + 1 + length;
                operand = new QueryOperand(text[(i + 1)..end].ToString(), Quoted: true, negated);
                i = Math.Min(end + 1, text.Length);
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                ReadOnlySpan<char> word = text[start..i];
                if (!negated && word.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    // Only between two operands: a leading, trailing or repeated "or" is dropped.
                    orPending = clause.Count > 0;
                    continue;
                }

                operand = new QueryOperand(word.ToString(), Quoted: false, negated);
            }

            if (orPending)
            {
                clauses.Add(clause);
                clause = [];
                orPending = false;
            }

            clause.Add(operand);
        }

        if (clause.Count > 0)
        {
            clauses.Add(clause);
        }

        return clauses;
    }
}
