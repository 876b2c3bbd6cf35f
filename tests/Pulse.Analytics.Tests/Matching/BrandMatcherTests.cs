using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

public class BrandMatcherTests
{
    [Fact]
    public void A_keyword_matches_case_insensitively()
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("db", "Bahn"), "Die BAHN ist pünktlich"));
    }

    [Fact]
    public void A_keyword_matches_whole_tokens_only()
    {
        Assert.False(Brands.Matches(Brands.WithKeywords("db", "bahn"), "Stau auf der Autobahn und Bahnchaos"));
    }

    [Fact]
    public void A_keyword_matches_next_to_punctuation()
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("db", "bahn"), "Danke, Bahn!"));
    }

    [Fact]
    public void A_phrase_keyword_matches_consecutive_tokens()
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("db", "deutsche bahn"), "Die Deutsche-Bahn streikt"));
    }

    [Fact]
    public void A_phrase_keyword_does_not_match_its_words_apart()
    {
        Assert.False(Brands.Matches(Brands.WithKeywords("db", "deutsche bahn"), "Deutsche Post und die Bahn"));
    }

    [Fact]
    public void A_phrase_keyword_does_not_run_past_the_end_of_the_text()
    {
        Assert.False(Brands.Matches(Brands.WithKeywords("db", "deutsche bahn"), "Alles deutsche"));
    }

    [Fact]
    public void Phrases_sharing_a_first_word_match_only_their_own_words()
    {
        var matcher = new BrandMatcher(
        [
            Brands.WithKeywords("db", "deutsche bahn"),
            Brands.WithKeywords("post", "deutsche post ag"),
            Brands.WithKeywords("telekom", "deutsche telekom"),
        ]);

        Assert.Equal(["post", "telekom"], matcher.Match("Deutsche Post AG und Deutsche Telekom, deutsche Bahnen"));
    }

    [Fact]
    public void A_phrase_matches_with_umlauts_dropped_in_any_word()
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("brand", "Café Müller Süd"), "cafe muller sud"));
    }

    [Fact]
    public void A_phrase_can_end_in_a_prefix()
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("db", "deutsche bahn*"), "deutsche bahnhöfe sind kalt"));
    }

    [Fact]
    public void A_prefix_keyword_matches_compounds()
    {
        var brand = Brands.WithKeywords("db", "bahn*");

        Assert.True(Brands.Matches(brand, "Schon wieder Bahnchaos"));
        Assert.True(Brands.Matches(brand, "Die Bahn"));
        Assert.False(Brands.Matches(brand, "Autobahn"));
    }

    [Fact]
    public void A_hashtag_matches_the_hashtag_given_with_or_without_its_sign()
    {
        var matcher = new BrandMatcher([new BrandQuery("a", [], ["BahnChaos"], []), new BrandQuery("b", [], ["#bahnchaos"], [])]);

        Assert.Equal(["a", "b"], matcher.Match("Heute wieder #Bahnchaos"));
    }

    [Fact]
    public void A_hashtag_does_not_match_the_plain_word()
    {
        Assert.False(Brands.Matches(new BrandQuery("db", [], ["bahn"], []), "Die Bahn kommt"));
    }

    [Fact]
    public void A_keyword_does_not_match_a_hashtag()
    {
        Assert.False(Brands.Matches(Brands.WithKeywords("db", "bahn"), "Heute #bahn"));
    }

    [Fact]
    public void A_handle_matches_the_mention_given_with_or_without_its_sign()
    {
        var matcher = new BrandMatcher([new BrandQuery("a", [], [], ["DB_Bahn"]), new BrandQuery("b", [], [], ["@db_bahn"])]);

        Assert.Equal(["a", "b"], matcher.Match("@DB_Bahn wo bleibt der Zug?"));
    }

    [Fact]
    public void A_handle_does_not_match_the_plain_word()
    {
        Assert.False(Brands.Matches(new BrandQuery("db", [], [], ["bahn"]), "Die Bahn kommt"));
    }

    [Theory]
    [InlineData("Müller", "Mueller Milch")]
    [InlineData("Mueller", "Müller Milch")]
    [InlineData("Müller", "muller milch")]
    [InlineData("muller", "Müller Milch")]
    [InlineData("Straße", "Strasse gesperrt")]
    [InlineData("Strasse", "Straße gesperrt")]
    [InlineData("Müller Milch", "MUELLER-MILCH")]
    [InlineData("Café", "cafe")]
    public void Umlauts_and_diacritics_match_their_folded_spellings(string keyword, string text)
    {
        Assert.True(Brands.Matches(Brands.WithKeywords("brand", keyword), text));
    }

    [Fact]
    public void A_digraph_keyword_does_not_match_a_plain_vowel()
    {
        // Only a real umlaut justifies dropping the 'e': otherwise "Boeing" would match "Bing".
        Assert.False(Brands.Matches(Brands.WithKeywords("boeing", "Boeing"), "Bing search"));
    }

    [Fact]
    public void An_exclude_term_vetoes_a_match()
    {
        var apple = new BrandQuery("apple", ["apple"], [], [], Exclude: ["apple pie", "fruit*"]);

        Assert.True(Brands.Matches(apple, "The new Apple watch"));
        Assert.False(Brands.Matches(apple, "Grandma's apple pie"));
        Assert.False(Brands.Matches(apple, "Apple fruits are healthy"));
    }

    [Fact]
    public void An_exclude_term_vetoes_hashtag_and_query_matches_too()
    {
        var apple = new BrandQuery("apple", [], ["apple"], [], "iphone", Exclude: ["pie"]);

        Assert.False(Brands.Matches(apple, "#apple pie"));
        Assert.False(Brands.Matches(apple, "iphone shaped pie"));
    }

    [Theory]
    [InlineData("spambot")]
    [InlineData("@SpamBot")]
    [InlineData(" SPAMBOT ")]
    public void An_excluded_author_is_ignored_however_written(string author)
    {
        var db = new BrandQuery("db", ["bahn"], [], [], ExcludeAuthors: ["@spambot"]);

        Assert.False(Brands.Matches(db, "Bahn Bahn Bahn", author));
    }

    [Fact]
    public void Other_authors_still_match_when_some_are_excluded()
    {
        var db = new BrandQuery("db", ["bahn"], [], [], ExcludeAuthors: ["spambot"]);

        Assert.True(Brands.Matches(db, "Bahn", "@spambot2"));
        Assert.True(Brands.Matches(db, "Bahn", null));
    }

    [Theory]
    [InlineData("apple iphone", true)]
    [InlineData("apple pie recipe", false)]
    [InlineData("apple ipad", true)]
    [InlineData("iphone", false)]
    [InlineData("tim cook keynote", true)]
    [InlineData("tim cook pie", true)]
    public void A_query_applies_precedence_and_parentheses(string text, bool expected)
    {
        var brand = Brands.WithQuery("apple", "apple (iphone OR ipad) -pie OR \"tim cook\"");

        Assert.Equal(expected, Brands.Matches(brand, text));
    }

    [Fact]
    public void Query_terms_under_a_double_negation_still_select_the_brand()
    {
        Assert.True(Brands.Matches(Brands.WithQuery("db", "NOT NOT bahn"), "Bahn"));
    }

    [Fact]
    public void A_query_combines_with_keywords_by_OR()
    {
        var brand = new BrandQuery("db", ["deutsche bahn"], [], [], "ice AND verspätung");

        Assert.True(Brands.Matches(brand, "deutsche bahn"));
        Assert.True(Brands.Matches(brand, "ICE hat Verspätung"));
        Assert.False(Brands.Matches(brand, "ICE pünktlich"));
    }

    [Fact]
    public void A_mention_matches_every_brand_it_names_once_each_in_brand_order()
    {
        var matcher = new BrandMatcher(
        [
            Brands.WithKeywords("db", "bahn", "deutsche bahn", "bahn*"),
            Brands.WithKeywords("lufthansa", "lufthansa"),
            Brands.WithKeywords("flixbus", "flixbus"),
            new BrandQuery("apple", ["apple"], [], [], Exclude: ["pie"]),
        ]);

        Assert.Equal(["db", "lufthansa"], matcher.Match("Lufthansa statt Deutsche Bahn, die Bahn hat Bahnchaos, apple pie"));
    }

    [Fact]
    public void Shared_terms_serve_every_brand_that_uses_them()
    {
        var matcher = new BrandMatcher([Brands.WithKeywords("a", "bahn"), Brands.WithKeywords("b", "bahn"), Brands.WithKeywords("c", "zug")]);

        Assert.Equal(["a", "b"], matcher.Match("bahn"));
        Assert.Equal(3, matcher.BrandCount);
    }

    [Fact]
    public void Keywords_inside_links_do_not_match()
    {
        var matcher = new BrandMatcher([Brands.WithKeywords("apple", "apple"), new BrandQuery("db", [], ["bahn"], [])]);

        Assert.Empty(matcher.Match("look https://www.apple.com/shop#bahn and http://apple.de"));
    }

    [Fact]
    public void Long_texts_match_like_short_ones()
    {
        string filler = string.Concat(Enumerable.Repeat("lorem ipsum dolor ", 400));
        var matcher = new BrandMatcher([Brands.WithKeywords("db", "deutsche bahn"), Brands.WithKeywords("apple", "apple")]);

        Assert.Equal(["db"], matcher.Match(filler + "Deutsche Bahn " + filler));
    }

    [Fact]
    public void Empty_text_matches_nothing()
    {
        Assert.Empty(new BrandMatcher([Brands.WithKeywords("db", "bahn")]).Match(""));
    }
}
