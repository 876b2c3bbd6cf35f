using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>Length, nesting and term limits of brand queries: refused with a message naming the limit, never a crash.</summary>
public class QueryLimitsTests
{
    [Fact]
    public void Twenty_thousand_nested_parentheses_are_refused_by_the_depth_limit()
    {
        string query = new string('(', 20_000) + "bahn" + new string(')', 20_000);

        var ex = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query));

        Assert.Contains($"depth limit of {QueryLimits.MaxDepth}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_parentheses_past_the_limit_are_refused_by_the_depth_limit()
    {
        var ex = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(new string('(', 100_000)));

        Assert.Contains("depth limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        string query = new string('(', QueryLimits.MaxDepth) + "bahn" + new string(')', QueryLimits.MaxDepth);

        Assert.Equal(new TermNode("bahn"), BrandQueryParser.Parse(query));
    }

    [Fact]
    public void One_level_past_the_limit_is_refused()
    {
        string query = new string('(', QueryLimits.MaxDepth + 1) + "bahn" + new string(')', QueryLimits.MaxDepth + 1);

        Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query));
    }

    [Theory]
    [InlineData("NOT ")]
    [InlineData("-")]
    [InlineData("NOT (")]
    public void Chains_of_NOT_count_as_nesting(string opener)
    {
        string query = "bahn " + string.Concat(Enumerable.Repeat(opener, 2_000)) + "zug";

        var ex = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query[..Math.Min(query.Length, QueryLimits.MaxLength)]));

        Assert.Contains("depth limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parentheses_inside_a_phrase_do_not_nest()
    {
        string query = "\"" + new string('(', 100) + "bahn\"";

        Assert.IsType<TermNode>(BrandQueryParser.Parse(query));
    }

    [Fact]
    public void A_query_longer_than_the_limit_is_refused_by_the_length_limit()
    {
        string query = string.Join(" OR ", Enumerable.Repeat("deutschebahn", 1_000));

        var ex = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query));

        Assert.Contains($"length limit of {QueryLimits.MaxLength}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_up_to_the_limit_parse_and_match()
    {
        string query = string.Join(" OR ", Enumerable.Range(0, QueryLimits.MaxTerms).Select(i => $"t{i}"));
        var brand = Brands.WithQuery("many", query);

        Assert.Empty(BrandQueryParser.Validate(brand));
        Assert.True(Brands.Matches(brand, $"about t{QueryLimits.MaxTerms - 1}"));
    }

    [Fact]
    public void One_term_past_the_limit_is_refused_by_the_term_limit()
    {
        string query = string.Join(' ', Enumerable.Range(0, QueryLimits.MaxTerms + 1).Select(i => $"t{i}"));

        var ex = Assert.Throws<BrandQuerySyntaxException>(() => BrandQueryParser.Parse(query));

        Assert.Contains($"term limit of {QueryLimits.MaxTerms}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_reports_a_limit_as_a_query_error()
    {
        string error = Assert.Single(BrandQueryParser.Validate(Brands.WithQuery("db", new string('(', 20_000) + "bahn")));

        Assert.StartsWith("Query is invalid: Nesting depth", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matcher_refuses_a_brand_past_a_limit_with_an_argument_exception()
    {
        Assert.Throws<ArgumentException>(() => new BrandMatcher([Brands.WithQuery("db", new string('-', 50) + "bahn")]));
    }
}
