using CsCheck;
using Pulse.Analytics.Matching;
using Pulse.Testing;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>
/// Random and adversarial queries: parsing and validation end quickly with a tree or a <see cref="BrandQuerySyntaxException"/>
/// (never another exception, never a stack overflow), and whatever is accepted lies within <see cref="QueryLimits"/>.
/// </summary>
public sealed class QueryParserProperties
{
    private static readonly string[] Vocabulary = ["bahn", "zug*", "#db", "@DB_Bahn", "deutsche bahn", "störung", "ICE", "s21"];

    private static readonly Gen<string> TokenSoup =
        Gen.OneOf("(", ")", "\"", "AND", "OR", "NOT", "-", "*", "bahn", "zug*", "#", "@", "#db", "a*", "\"deutsche bahn\"", "and", "))", "((", "- ", "--")
            .Array[0, 300]
            .Select(Gen.OneOf(" ", "", "  ").Array[300, 300], (tokens, gaps) => string.Concat(tokens.Select((t, i) => t + gaps[i])));

    private static readonly Gen<string> Deep =
        Gen.Select(Gen.Int[QueryLimits.MaxDepth - 2, 30_000], Gen.OneOf("(", "NOT ", "-", "NOT (", "-(", "(\"x\" OR "), Gen.Bool, Gen.Bool,
            (n, opener, closed, longTail) =>
                string.Concat(Enumerable.Repeat(opener, n)) + "bahn" + (closed ? new string(')', n) : "") + (longTail ? string.Concat(Enumerable.Repeat(" OR zug", 2_000)) : ""));

    private static readonly Gen<string> ManyTerms =
        Gen.Select(Gen.Int[QueryLimits.MaxTerms - 5, 5_000], Gen.OneOf(" ", " OR ", " AND ", " -"), Gen.Int[1, 12],
            (n, separator, width) => string.Join(separator, Enumerable.Range(0, n).Select(i => "t" + i.ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture))));

    [Trait("Category", "Slow")]
    [Fact]
    public void Random_text_parses_or_fails_with_a_syntax_error() =>
        Gen.String.Sample(CheckOne, iter: 3_000);

    [Trait("Category", "Slow")]
    [Fact]
    public void Token_soups_parse_or_fail_with_a_syntax_error() =>
        TokenSoup.Sample(CheckOne, iter: 3_000);

    [Trait("Category", "Slow")]
    [Fact]
    public void Nesting_far_past_the_cap_fails_with_a_syntax_error() =>
        Deep.Sample(CheckOne, iter: 200);

    [Trait("Category", "Slow")]
    [Fact]
    public void Term_counts_around_and_past_the_cap_parse_or_fail_with_a_syntax_error() =>
        ManyTerms.Sample(CheckOne, iter: 200);

    /// <summary>A random tree, rendered, parses back to itself exactly when it is within every limit.</summary>
    [Trait("Category", "Slow")]
    [Fact]
    public void A_rendered_tree_parses_back_exactly_when_it_is_within_the_limits() =>
        Gen.Int[0, 3].Array[1, 700].Sample(ops =>
        {
            QueryNode tree = Build(ops);
            string query = tree.ToString();
            bool within = query.Length <= QueryLimits.MaxLength && Terms(tree) <= QueryLimits.MaxTerms && RenderedDepth(tree) <= QueryLimits.MaxDepth;

            QueryNode? parsed = Within.Run(() => TryParse(query), query[..Math.Min(200, query.Length)]);

            Assert.Equal(within, parsed is not null);
            if (parsed is not null)
            {
                Assert.Equal(tree, parsed);
            }
        }, iter: 1_000);

    private static void CheckOne(string query)
    {
        QueryNode? node = Within.Run(() => TryParse(query), Shown(query));
        IReadOnlyList<string> errors = Within.Run(() => BrandQueryParser.Validate(Brands.WithQuery("p", query)), Shown(query));
        if (node is null)
        {
            Assert.NotEmpty(errors);
            return;
        }

        Assert.True(query.Length <= QueryLimits.MaxLength, "accepted past the length limit");
        Assert.True(Terms(node) <= QueryLimits.MaxTerms, "accepted past the term limit");
        Assert.True(NotDepth(node) <= QueryLimits.MaxDepth, "accepted NOTs past the depth limit");
        Assert.True(ParenthesisDepth(query) <= QueryLimits.MaxDepth, "accepted parentheses past the depth limit");
        if (errors.Count == 0)
        {
            // A valid brand compiles and matches without trouble.
            Within.Run(() => Brands.Matches(Brands.WithQuery("p", query), "Die Deutsche Bahn meldet eine Störung am ICE"), Shown(query));
        }
    }

    private static QueryNode? TryParse(string query)
    {
        try
        {
            return BrandQueryParser.Parse(query);
        }
        catch (BrandQuerySyntaxException)
        {
            return null;
        }
    }

    /// <summary>Stack machine over <paramref name="ops"/>: 0 pushes a term, 1 negates the top, 2 and 3 join the top two by AND, OR.</summary>
    private static QueryNode Build(int[] ops)
    {
        var stack = new Stack<QueryNode>();
        for (int i = 0; i < ops.Length; i++)
        {
            switch (ops[i])
            {
                case 1 when stack.Count >= 1:
                    stack.Push(new NotNode(stack.Pop()));
                    break;
                case 2 or 3 when stack.Count >= 2:
                    QueryNode right = stack.Pop(), left = stack.Pop();
                    stack.Push(ops[i] == 2 ? new AndNode(left, right) : new OrNode(left, right));
                    break;
                default:
                    stack.Push(new TermNode(Vocabulary[i % Vocabulary.Length]));
                    break;
            }
        }

        QueryNode tree = stack.Pop();
        while (stack.Count > 0)
        {
            tree = new AndNode(stack.Pop(), tree);
        }

        return tree;
    }

    private static int Terms(QueryNode node) => node switch
    {
        TermNode => 1,
        NotNode not => Terms(not.Operand),
        AndNode and => Terms(and.Left) + Terms(and.Right),
        OrNode or => Terms(or.Left) + Terms(or.Right),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>Nesting as the parser counts it for a fully parenthesised rendering: each NOT and each binary node's '('.</summary>
    private static int RenderedDepth(QueryNode node) => node switch
    {
        TermNode => 0,
        NotNode not => 1 + RenderedDepth(not.Operand),
        AndNode and => 1 + Math.Max(RenderedDepth(and.Left), RenderedDepth(and.Right)),
        OrNode or => 1 + Math.Max(RenderedDepth(or.Left), RenderedDepth(or.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>NOTs on the way down: the part of nesting a tree still shows once parentheses are gone (runs of AND and OR are not nesting).</summary>
    private static int NotDepth(QueryNode node) => node switch
    {
        TermNode => 0,
        NotNode not => 1 + NotDepth(not.Operand),
        AndNode and => Math.Max(NotDepth(and.Left), NotDepth(and.Right)),
        OrNode or => Math.Max(NotDepth(or.Left), NotDepth(or.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static int ParenthesisDepth(string query)
    {
        int depth = 0, deepest = 0;
        bool quoted = false;
        foreach (char c in query)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (!quoted && c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return deepest;
    }

    private static string Shown(string query) => query.Length <= 200 ? query : string.Concat(query.AsSpan(0, 200), "…");
}
