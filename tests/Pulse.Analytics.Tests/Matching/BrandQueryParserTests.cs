using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

public class BrandQueryParserTests
{
    [Theory]
    [InlineData("a OR b AND c", "(a OR (b AND c))")]
    [InlineData("a AND b OR c", "((a AND b) OR c)")]
    [InlineData("NOT a AND b", "(NOT a AND b)")]
    [InlineData("a b OR c", "((a AND b) OR c)")]
    [InlineData("a -b", "(a AND NOT b)")]
    [InlineData("(a OR b) c", "((a OR b) AND c)")]
    [InlineData("a AND NOT (b OR c)", "(a AND NOT (b OR c))")]
    public void Applies_precedence_NOT_over_AND_over_OR(string query, string expected)
    {
        Assert.Equal(expected, BrandQueryParser.Parse(query).ToString());
    }

    [Fact]
    public void Reads_phrases_hashtags_handles_and_prefixes_as_terms()
    {
        QueryNode node = BrandQueryParser.Parse("\"Deutsche Bahn\" OR #db OR @DB_Bahn OR bahn*");

        Assert.Equal(
            new OrNode(new OrNode(new OrNode(new TermNode("Deutsche Bahn"), new TermNode("#db")), new TermNode("@DB_Bahn")), new TermNode("bahn*")),
            node);
    }

    [Fact]
    public void Lower_case_operators_are_ordinary_terms()
    {
        Assert.Equal("((salt AND and) AND pepper)", BrandQueryParser.Parse("salt and pepper").ToString());
    }

    [Theory]
    [InlineData("(apple OR pear", "Unbalanced parenthesis at position 1", 1)]
    [InlineData("apple OR pear)", "Unbalanced parenthesis at position 14", 14)]
    [InlineData("apple AND (iphone OR (ipad)", "Unbalanced parenthesis at position 11", 11)]
    [InlineData("apple AND", "Missing term after 'AND' at position 7", 7)]
    [InlineData("OR apple", "Missing term before 'OR' at position 1", 1)]
    [InlineData("apple OR OR pear", "Missing term after 'OR' at position 7", 7)]
    [InlineData("apple NOT", "Missing term after 'NOT' at position 7", 7)]
    [InlineData("apple \"pie", "Unterminated phrase at position 7", 7)]
    [InlineData("apple \"  \"", "Empty phrase at position 7", 7)]
    [InlineData("apple ()", "Empty parentheses at position 7", 7)]
    [InlineData("apple - pie", "Missing term after '-' at position 7", 7)]
    [InlineData("apple ba*hn", "Invalid term at position 7", 7)]
    [InlineData("apple !!!", "Invalid term at position 7", 7)]
    [InlineData("apple b*", "Invalid term at position 7", 7)]
    public void Syntax_errors_name_the_problem_and_position(string query, string message, int position)
    {
        var error = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Syntax_errors_are_format_exceptions()
    {
        Assert.IsAssignableFrom<FormatException>(Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse("  ")));
    }

    [Fact]
    public void Rendered_queries_parse_back_to_the_same_tree()
    {
        QueryNode node = BrandQueryParser.Parse("(\"deutsche bahn\" OR \"AND\") -\"-x\" #db");

        Assert.Equal(node, BrandQueryParser.Parse(node.ToString()));
    }
}
