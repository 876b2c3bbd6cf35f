using Pulse.Analytics.Language;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

public class RequiredTermSetsTests
{
    private static string Sets(string query, string? lang) =>
        string.Join(" | ", Compile(query, lang).RequiredTermSets.Select(set => string.Join(' ', set)));

    [Theory]
    [InlineData("outage berlin", "berlin outag")]
    [InlineData("\"kind of magic\" -refund", "kind magic")]
    [InlineData("berlin outage or hamburg strike", "berlin outag | hamburg strike")]
    [InlineData("outage or outages or the outage", "outag")]
    [InlineData("outage berlin or outage", "outag")] // a superset of another set adds no batch
    [InlineData("outage -refund or outage refund", "outag")]
    [InlineData("\"e-mail\" e", "e mail")]
    public void Are_the_required_terms_of_each_alternative_small_and_few(string query, string expected)
    {
        Assert.Equal(expected, Sets(query, Languages.English));
    }

    [Fact]
    public void Hold_one_stem_per_query_word_whatever_its_umlauts()
    {
        // The index has both spellings of "Störung": the query's one (ä → ae) is enough to find its batches.
        Assert.Equal("stoerung zugfix", Sets("Störungen Zugfix", Languages.German));
        Assert.Equal("storung", Sets("Storung", Languages.German));
    }

    [Theory]
    [InlineData("-refund")]
    [InlineData("outage or -refund")]
    [InlineData("-refund -\"gift card\"")]
    public void Are_none_when_an_alternative_only_excludes(string query)
    {
        var compiled = Compile(query, Languages.English);

        Assert.True(compiled.IsUnconstrained);
        Assert.False(compiled.MatchesNothing);
        Assert.Empty(compiled.RequiredTermSets);
        Assert.True(compiled.Matches(Tokens("anything else", Languages.English)));
    }

    [Fact]
    public void Are_none_when_nothing_matches()
    {
        var compiled = Compile("the -of", Languages.English);

        Assert.True(compiled.MatchesNothing);
        Assert.False(compiled.IsUnconstrained);
        Assert.Empty(compiled.RequiredTermSets);
    }

    [Fact]
    public void Terms_are_every_term_the_query_names()
    {
        Assert.Equal(["card", "gift", "outag", "refund"], Compile("outage -refund or -\"gift card\" outages", Languages.English).Terms);
    }
}
