namespace Pulse.Analytics.Matching;

/// <summary>
/// Splits a brand query into lexemes: terms, "quoted phrases", operators, '-' and parentheses. Stops at the
/// term after <see cref="QueryLimits.MaxTerms"/>, so a query that is all terms costs no more than the limit.
/// </summary>
internal static class QueryLexer
{
    public static List<QueryLexeme> Lex(string query)
    {
        var lexemes = new List<QueryLexeme>();
        int terms = 0;
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            int position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                lexemes.Add(new QueryLexeme(QueryLexemeKind.Open, "(", position));
                i++;
            }
            else if (c == ')')
            {
                lexemes.Add(new QueryLexeme(QueryLexemeKind.Close, ")", position));
                i++;
            }
            else if (c == '"')
            {
                int close = query.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new BrandQuerySyntaxException(
                        $"Unterminated phrase at position {position}: the opening quote is never closed", position);
                }

                string phrase = query[(i + 1)..close].Trim();
                if (phrase.Length == 0)
                {
                    throw new BrandQuerySyntaxException($"Empty phrase at position {position}", position);
                }

                CountTerm(ref terms, position);
                lexemes.Add(new QueryLexeme(QueryLexemeKind.Term, phrase, position));
                i = close + 1;
            }
            else if (c == '-')
            {
                if (i + 1 == query.Length || char.IsWhiteSpace(query[i + 1]))
                {
                    throw new BrandQuerySyntaxException(
                        $"Missing term after '-' at position {position}: write '-term' without a space to exclude a term", position);
                }

                lexemes.Add(new QueryLexeme(QueryLexemeKind.Minus, "-", position));
                i++;
            }
            else
            {
                int end = i;
                while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('(' or ')' or '"'))
                {
                    end++;
                }

                string word = query[i..end];
                QueryLexemeKind kind = word switch
                {
                    "AND" => QueryLexemeKind.And,
                    "OR" => QueryLexemeKind.Or,
                    "NOT" => QueryLexemeKind.Not,
                    _ => QueryLexemeKind.Term,
                };
                if (kind == QueryLexemeKind.Term)
                {
                    CountTerm(ref terms, position);
                }

                lexemes.Add(new QueryLexeme(kind, word, position));
                i = end;
            }
        }

        return lexemes;
    }

    private static void CountTerm(ref int terms, int position)
    {
        if (++terms > QueryLimits.MaxTerms)
        {
            throw QueryLimitCheck.TooManyTerms(position);
        }
    }
}
