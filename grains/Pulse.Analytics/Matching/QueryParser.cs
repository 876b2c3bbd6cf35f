namespace Pulse.Analytics.Matching;

/// <summary>
/// Recursive descent over <see cref="QueryLexer"/> output. Grammar, loosest first:
/// or := and ("OR" and)*; and := unary (["AND"] unary)*; unary := ("NOT" | "-") unary | primary;
/// primary := term | "(" or ")".
/// Recursion grows only with nesting ('(' and NOT), which is capped at <see cref="QueryLimits.MaxDepth"/>;
/// runs of AND and OR are loops.
/// </summary>
internal sealed class QueryParser
{
    private readonly List<QueryLexeme> _lexemes;
    private int _next;
    private int _depth;

    private QueryParser(List<QueryLexeme> lexemes) => _lexemes = lexemes;

    public static QueryNode Parse(string query)
    {
        QueryLimitCheck.Check(query);
        var parser = new QueryParser(QueryLexer.Lex(query));
        if (parser._lexemes.Count == 0)
        {
            throw new BrandQuerySyntaxException("Query is empty", 0);
        }

        QueryNode node = parser.ParseOr(after: null);
        if (parser.Peek() is { } extra)
        {
            // ParseOr stops only at the end or at a ')' nobody opened.
            throw new BrandQuerySyntaxException(
                $"Unbalanced parenthesis at position {extra.Position}: ')' has no matching '('", extra.Position);
        }

        return node;
    }

    private QueryLexeme? Peek() => _next < _lexemes.Count ? _lexemes[_next] : null;

    private QueryLexeme Take() => _lexemes[_next++];

    /// <param name="after">The lexeme the expression follows (operator or '('), to explain a missing term.</param>
    private QueryNode ParseOr(QueryLexeme? after)
    {
        QueryNode left = ParseAnd(after);
        while (Peek() is { Kind: QueryLexemeKind.Or })
        {
            QueryLexeme or = Take();
            left = new OrNode(left, ParseAnd(or));
        }

        return left;
    }

    private QueryNode ParseAnd(QueryLexeme? after)
    {
        QueryNode left = ParseUnary(after);
        while (Peek() is { } next)
        {
            if (next.Kind == QueryLexemeKind.And)
            {
                left = new AndNode(left, ParseUnary(Take()));
            }
            else if (next.Kind is QueryLexemeKind.Term or QueryLexemeKind.Open or QueryLexemeKind.Not or QueryLexemeKind.Minus)
            {
                left = new AndNode(left, ParseUnary(after: null)); // juxtaposition
            }
            else
            {
                break;
            }
        }

        return left;
    }

    private QueryNode ParseUnary(QueryLexeme? after)
    {
        if (Peek() is { Kind: QueryLexemeKind.Not or QueryLexemeKind.Minus })
        {
            QueryLexeme not = Take();
            Enter(not);
            var operand = ParseUnary(not);
            _depth--;
            return new NotNode(operand);
        }

        return ParsePrimary(after);
    }

    private QueryNode ParsePrimary(QueryLexeme? after)
    {
        if (Peek() is not { } current)
        {
            throw MissingTerm(after, found: null);
        }

        switch (current.Kind)
        {
            case QueryLexemeKind.Term:
                Take();
                if (!TermPattern.TryCreate(current.Text, out _, out string? problem))
                {
                    throw new BrandQuerySyntaxException(
                        $"Invalid term at position {current.Position}: '{current.Text}' {problem}", current.Position);
                }

                return new TermNode(current.Text);

            case QueryLexemeKind.Open:
                Take();
                Enter(current);
                if (Peek() is { Kind: QueryLexemeKind.Close })
                {
                    throw new BrandQuerySyntaxException($"Empty parentheses at position {current.Position}", current.Position);
                }

                QueryNode inner = ParseOr(current);
                if (Peek() is not { Kind: QueryLexemeKind.Close })
                {
                    throw new BrandQuerySyntaxException(
                        $"Unbalanced parenthesis at position {current.Position}: '(' is never closed", current.Position);
                }

                Take();
                _depth--;
                return inner;

            default:
                throw MissingTerm(after, current);
        }
    }

    /// <summary>Opens a nesting level at <paramref name="opener"/> ('(' or NOT), refusing one past the limit.</summary>
    private void Enter(QueryLexeme opener)
    {
        if (++_depth > QueryLimits.MaxDepth)
        {
            throw QueryLimitCheck.TooDeep(_depth, opener.Position);
        }
    }

    private static BrandQuerySyntaxException MissingTerm(QueryLexeme? after, QueryLexeme? found)
    {
        if (after is { Kind: QueryLexemeKind.Open } open)
        {
            return found is { Kind: QueryLexemeKind.And or QueryLexemeKind.Or } op
                ? new BrandQuerySyntaxException($"Missing term before '{op.Text}' at position {op.Position}", op.Position)
                : new BrandQuerySyntaxException(
                    $"Unbalanced parenthesis at position {open.Position}: '(' is never closed", open.Position);
        }

        if (after is { } op2)
        {
            string detail = found is { } f ? $": found '{f.Text}' at position {f.Position}" : ", but the query ends there";
            return new BrandQuerySyntaxException($"Missing term after '{op2.Text}' at position {op2.Position}{detail}", op2.Position);
        }

        return found switch
        {
            { Kind: QueryLexemeKind.Close } close => new BrandQuerySyntaxException(
                $"Unbalanced parenthesis at position {close.Position}: ')' has no matching '('", close.Position),
            { } op => new BrandQuerySyntaxException($"Missing term before '{op.Text}' at position {op.Position}", op.Position),
            null => new BrandQuerySyntaxException("Query is empty", 0),
        };
    }
}
