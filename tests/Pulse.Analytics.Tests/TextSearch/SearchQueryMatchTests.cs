using Pulse.Analytics.Language;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

/// <summary>Which texts a query finds, analysed on both sides as the archive will: the mention once, the query per language.</summary>
public class SearchQueryMatchTests
{
    [Theory]
    [InlineData("Störung")]
    [InlineData("Störungen")]
    [InlineData("Stoerung")]
    [InlineData("STÖRUNG")]
    [InlineData("Storung")]
    [InlineData("störung zugfix")]
    [InlineData("\"Störung bei Zugfix\"")]
    [InlineData("\"Störungen bei Zugfix\"")]
    public void German_inflections_and_spellings_find_a_German_post(string query)
    {
        Assert.True(Finds(query, "Die Störung bei Zugfix dauert", Languages.German));
    }

    [Theory]
    [InlineData("Lieferung", "Wo bleiben meine Lieferungen?")]
    [InlineData("Lieferungen", "Die Lieferung kam nie an")]
    [InlineData("Kinder", "für das Kind")]
    public void German_stems_find_each_other(string query, string text)
    {
        Assert.True(Finds(query, text, Languages.German));
    }

    [Theory]
    [InlineData("outage", "Huge outages all over Berlin")]
    [InlineData("outages", "another outage today")]
    [InlineData("crash", "the app keeps crashing")]
    [InlineData("crashing", "it crashed on start")]
    public void English_stems_find_each_other(string query, string text)
    {
        Assert.True(Finds(query, text, Languages.English));
    }

    [Fact]
    public void Simple_finds_folded_words_only()
    {
        Assert.True(Finds("Störung", "la STÖRUNG", "fr"));
        Assert.True(Finds("Storung", "la STÖRUNG", "fr"));
        Assert.False(Finds("Störungen", "la STÖRUNG", "fr"));
        Assert.False(Finds("outages", "an outage", null));
    }

    [Theory]
    [InlineData("Müller")]
    [InlineData("Mueller")]
    [InlineData("Muller")]
    [InlineData("MÜLLER")]
    [InlineData("\"herr muller kauft\"")]
    [InlineData("\"herr mueller kauft\"")]
    public void Umlaut_spellings_all_find_a_word_with_umlauts(string query)
    {
        Assert.True(Finds(query, "Herr Müller kauft ein", Languages.German));
        Assert.True(Finds(query, "Herr Müller kauft ein", null));
    }

    [Fact]
    public void A_query_with_an_umlaut_does_not_find_the_word_written_without()
    {
        // The index holds both spellings of what was written with umlauts, a query only its ä → ae folding.
        Assert.False(Finds("Müller", "Herr Muller", Languages.German));
        Assert.True(Finds("Mueller", "Herr Mueller", Languages.German));
    }

    [Theory]
    [InlineData("\"kind of magic\"", "it's a kind of magic", true)]
    [InlineData("\"kind of magic\"", "a kind of real magic", false)]
    [InlineData("\"kind of magic\"", "kind magic", false)]
    [InlineData("\"kind of magic\"", "a kind in magic", true)] // "in" is a stop word too: PostgreSQL finds it as well
    [InlineData("\"kind magic\"", "kind of magic", false)]
    [InlineData("\"magic kind\"", "kind of magic", false)]
    public void Phrases_need_their_words_at_their_distance(string query, string text, bool found)
    {
        Assert.Equal(found, Finds(query, text, Languages.English));
    }

    [Theory]
    [InlineData("\"kuchen fur kinder\"")]
    [InlineData("\"kuchen für kinder\"")]
    [InlineData("\"Kuchen fuer Kinder\"")]
    public void A_phrase_with_a_stop_word_finds_its_umlaut_spellings(string query)
    {
        Assert.True(Finds(query, "Kuchen für Kinder!", Languages.German));
    }

    [Theory]
    [InlineData("e-mail", "send an e-mail", true)]
    [InlineData("e-mail", "send an e mail", true)]
    [InlineData("e-mail", "mail me", false)]
    [InlineData("email", "send an e-mail", false)]
    public void A_word_of_several_parts_is_a_phrase(string query, string text, bool found)
    {
        Assert.Equal(found, Finds(query, text, Languages.English));
    }

    [Theory]
    [InlineData("outage -refund", "outage, no refund", false)]
    [InlineData("outage -refund", "outage again", true)]
    [InlineData("outage -\"gift card\"", "outage, gift card lost", false)]
    [InlineData("outage -\"gift card\"", "outage, card for a gift", true)]
    [InlineData("-refund", "anything", true)]
    [InlineData("-refund", "refunds please", false)]
    public void Excluded_words_and_phrases_reject_a_text(string query, string text, bool found)
    {
        Assert.Equal(found, Finds(query, text, Languages.English));
    }

    [Theory]
    [InlineData("berlin outage or hamburg strike", "outage in berlin", true)]
    [InlineData("berlin outage or hamburg strike", "strike in hamburg", true)]
    [InlineData("berlin outage or hamburg strike", "outage in hamburg", false)]
    [InlineData("berlin outage or hamburg strike", "berlin strike", false)]
    [InlineData("outage or strike -hamburg", "strike in hamburg", false)]
    [InlineData("outage or strike -hamburg", "outage in hamburg", true)]
    public void Or_binds_looser_than_and(string query, string text, bool found)
    {
        Assert.Equal(found, Finds(query, text, Languages.English));
    }

    [Fact]
    public void A_query_of_stop_words_only_matches_nothing()
    {
        var compiled = Compile("the of", Languages.English);

        Assert.True(compiled.MatchesNothing);
        Assert.False(compiled.Matches(Tokens("the of", Languages.English)));
    }

    [Fact]
    public void Each_language_compiles_its_own_terms()
    {
        // "Lieferungen" stems in German; in English and simple it stays close to what was typed.
        Assert.True(Finds("Lieferungen", "Lieferung", Languages.German));
        Assert.False(Finds("Lieferungen", "Lieferung", Languages.English));
        Assert.False(Finds("Lieferungen", "Lieferung", null));
    }
}
