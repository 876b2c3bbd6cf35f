using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

public class BrandQueryValidationTests
{
    [Fact]
    public void A_complete_brand_has_no_errors()
    {
        var brand = new BrandQuery("db", ["deutsche bahn", "bahn*"], ["#db"], ["DB_Bahn"], "bahn NOT autobahn", ["modellbahn"], ["@spam"]);

        Assert.Empty(BrandQueryParser.Validate(brand));
    }

    [Fact]
    public void Rejects_an_empty_brand_id()
    {
        Assert.Contains("Brand id must not be empty.", BrandQueryParser.Validate(Brands.WithKeywords(" ", "bahn")));
    }

    [Theory]
    [InlineData("NOT autobahn")]
    [InlineData("-autobahn")]
    [InlineData("bahn OR NOT autobahn")]
    [InlineData("NOT (bahn AND zug)")]
    public void Rejects_a_query_that_holds_without_any_of_its_terms(string query)
    {
        string error = Assert.Single(BrandQueryParser.Validate(Brands.WithQuery("db", query)));

        Assert.Contains("contain none of its terms", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_double_negation_because_it_requires_the_term()
    {
        Assert.Empty(BrandQueryParser.Validate(Brands.WithQuery("db", "NOT NOT bahn")));
    }

    [Fact]
    public void Reports_a_query_syntax_error_with_its_position()
    {
        string error = Assert.Single(BrandQueryParser.Validate(Brands.WithQuery("db", "bahn AND (zug")));

        Assert.Contains("Unbalanced parenthesis at position 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_blank_terms_by_their_number()
    {
        var brand = new BrandQuery("db", ["bahn", " "], ["#"], [""], Exclude: [""], ExcludeAuthors: ["@"]);

        Assert.Equal(
            ["Keyword 2 is blank.", "Hashtag 1 is blank.", "Handle 1 is blank.", "Exclude term 1 is blank.", "Excluded author 1 is blank."],
            BrandQueryParser.Validate(brand));
    }

    [Fact]
    public void Rejects_a_hashtag_of_several_words()
    {
        var brand = new BrandQuery("db", [], ["deutsche bahn"], []);

        Assert.Equal(["Hashtag 'deutsche bahn' must be a single word of letters, digits or '_'."], BrandQueryParser.Validate(brand));
    }

    [Fact]
    public void Rejects_a_wildcard_inside_a_keyword()
    {
        string error = Assert.Single(BrandQueryParser.Validate(Brands.WithKeywords("db", "ba*hn")));

        Assert.Equal("Keyword 'ba*hn' may only use '*' at its end, as a prefix wildcard.", error);
    }

    [Fact]
    public void Rejects_a_brand_with_nothing_to_match()
    {
        string error = Assert.Single(BrandQueryParser.Validate(new BrandQuery("db", [], [], [], Exclude: ["autobahn"])));

        Assert.Contains("can never match", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matcher_refuses_invalid_brands()
    {
        var error = Assert.Throws<ArgumentException>(() => new BrandMatcher([Brands.WithQuery("db", "NOT autobahn")]));

        Assert.Contains("Brand 'db' is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matcher_refuses_duplicate_brand_ids()
    {
        Assert.Throws<ArgumentException>(() => new BrandMatcher([Brands.WithKeywords("db", "bahn"), Brands.WithKeywords("db", "zug")]));
    }
}
