using System.Globalization;

namespace Pulse.Analytics.Matching;

/// <summary>
/// The limits that can be judged from the raw text, before anything is allocated: parenthesis depth first (so a
/// query that is far too long because it is far too deep is told the real problem), then length.
/// </summary>
internal static class QueryLimitCheck
{
    /// <exception cref="BrandQuerySyntaxException">The query exceeds <see cref="QueryLimits.MaxDepth"/> or <see cref="QueryLimits.MaxLength"/>.</exception>
    public static void Check(string query)
    {
        int depth = 0, deepest = 0, deepestAt = 0;
        for (int i = 0; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '"':
                    // A phrase runs to the next quote, as in the lexer; an unclosed one is the lexer's to report.
                    int close = query.IndexOf('"', i + 1);
                    i = close < 0 ? query.Length : close;
                    break;
                case '(':
                    if (++depth > deepest)
                    {
                        deepest = depth;
                        deepestAt = i + 1;
                    }

                    break;
                case ')':
                    depth = Math.Max(0, depth - 1); // an unmatched ')' is a syntax error, reported by the parser
                    break;
            }
        }

        if (deepest > QueryLimits.MaxDepth)
        {
            throw TooDeep(deepest, deepestAt);
        }

        if (query.Length > QueryLimits.MaxLength)
        {
            throw new BrandQuerySyntaxException(string.Create(CultureInfo.InvariantCulture,
                $"Length {query.Length} characters exceeds the length limit of {QueryLimits.MaxLength}"), 0);
        }
    }

    public static BrandQuerySyntaxException TooDeep(int depth, int position) => new(string.Create(CultureInfo.InvariantCulture,
        $"Nesting depth {depth} at position {position} exceeds the depth limit of {QueryLimits.MaxDepth} (each '(' and each NOT or '-' adds a level)"),
        position);

    public static BrandQuerySyntaxException TooManyTerms(int position) => new(string.Create(CultureInfo.InvariantCulture,
        $"More than {QueryLimits.MaxTerms} terms exceeds the term limit of {QueryLimits.MaxTerms}: term {QueryLimits.MaxTerms + 1} is at position {position}"), position);
}
