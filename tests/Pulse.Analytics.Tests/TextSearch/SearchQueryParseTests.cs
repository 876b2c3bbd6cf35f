using Pulse.Analytics.TextSearch;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

/// <summary>The web-search syntax, seen through the query each language compiles to (PostgreSQL's tsquery notation).</summary>
public class SearchQueryParseTests
{
    [Theory]
    [InlineData("outage berlin", "'outage' & 'berlin'")]
    [InlineData("\"kind of magic\"", "('kind' <-> 'of' <-> 'magic')")]
    [InlineData("outage -refund", "'outage' & !'refund'")]
    [InlineData("outage -\"gift card\"", "'outage' & !('gift' <-> 'card')")]
    [InlineData("a b or c d", "'a' & 'b' | 'c' & 'd'")]
    [InlineData("a OR b Or c", "'a' | 'b' | 'c'")]
    [InlineData("or a or or b or", "'a' | 'b'")]
    [InlineData("a or -b", "'a' | !'b'")]
    [InlineData("-or", "!'or'")]
    [InlineData("\"or\"", "'or'")]
    [InlineData("e-mail", "('e' <-> 'mail')")]
    [InlineData("(outage, berlin!)", "'outage' & 'berlin'")]
    [InlineData("#outage @zugfix", "'outage' & 'zugfix'")]
    [InlineData("foo\"bar baz\"qux", "'foo' & ('bar' <-> 'baz') & 'qux'")]
    [InlineData("\"unclosed phrase", "('unclosed' <-> 'phrase')")]
    [InlineData("--a - b -", "'b' & !'a'")]
    [InlineData("a- b", "'a' & 'b'")]
    [InlineData("Störung", "'stoerung'")]
    public void Parses_web_search_syntax(string query, string compiled)
    {
        Assert.Equal(compiled, Compile(query, null).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("or")]
    [InlineData("- -- or OR")]
    [InlineData("\"\"")]
    [InlineData("?!.,;")]
    public void Queries_without_words_match_nothing(string query)
    {
        var compiled = Compile(query, null);

        Assert.True(compiled.MatchesNothing);
        Assert.Empty(compiled.RequiredTermSets);
        Assert.False(compiled.IsUnconstrained);
        Assert.False(compiled.Matches(Tokens("anything at all", null)));
    }

    [Fact]
    public void Null_reads_as_an_empty_query()
    {
        Assert.True(SearchQuery.Parse(null).IsEmpty);
        Assert.True(SearchQuery.Parse(null).Compile(null, Analyzer).MatchesNothing);
    }

    [Theory]
    [InlineData("the outage", "en", "'outag'")]
    [InlineData("the", "en", "")]
    [InlineData("the or outage", "en", "'outag'")]
    [InlineData("outage -the", "en", "'outag'")]
    [InlineData("\"kind of magic\"", "en", "('kind' <2> 'magic')")]
    [InlineData("\"the outage\"", "en", "'outag'")]
    [InlineData("Störungen bei der Bahn", "de", "'stoerung' & 'bahn'")]
    [InlineData("\"Störung bei Zugfix\"", "de", "('stoerung' <2> 'zugfix')")]
    [InlineData("the or outage", null, "'the' | 'outage'")]
    public void Stop_words_drop_out_but_keep_their_gap_in_a_phrase(string query, string? lang, string compiled)
    {
        Assert.Equal(compiled, Compile(query, lang).ToString());
    }

    [Fact]
    public void A_query_is_folded_without_umlaut_alternatives()
    {
        Assert.Equal("'muell'", Compile("Müller", "de").ToString());
        Assert.Equal("'mull'", Compile("Muller", "de").ToString());
    }

    [Theory]
    [InlineData("outage -refund")]
    [InlineData("a OR b or -c d")]
    [InlineData("-\"gift card\" \"unclosed")]
    [InlineData("foo\"bar baz\"qux -or")]
    public void A_rendered_query_parses_back_to_itself(string query)
    {
        string rendered = SearchQuery.Parse(query).ToString();

        Assert.Equal(rendered, SearchQuery.Parse(rendered).ToString());
        Assert.Equal(Compile(query, "en").ToString(), Compile(rendered, "en").ToString());
    }
}
