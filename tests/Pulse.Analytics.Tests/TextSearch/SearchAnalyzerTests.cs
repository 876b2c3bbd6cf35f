using Pulse.Analytics.Language;
using Pulse.Analytics.TextSearch;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

public class SearchAnalyzerTests
{
    [Theory]
    [InlineData("#BahnChaos bei @DB_Bahn!", "0:bahnchaos 1:bei 2:db 3:bahn")]
    [InlineData("McDonald’s e-mail", "0:mcdonalds 1:e 2:mail")]
    [InlineData("Café CRÈME, Łódź 2024", "0:cafe 1:creme 2:lodz 3:2024")]
    [InlineData("see https://zugfix.de/stoerung?id=1", "0:see 1:https 2:zugfix 3:de 4:stoerung 5:id 6:1")]
    [InlineData("  ...  ", "")]
    [InlineData("", "")]
    public void Simple_gives_the_folded_words_in_order(string text, string expected)
    {
        Assert.Equal(expected, Show(text, null));
    }

    [Fact]
    public void Any_language_but_German_and_English_is_simple()
    {
        const string text = "Die Störungen und the outages";
        Assert.Equal(Show(text, null), Show(text, "fr"));
        Assert.Equal(Show(text, null), Show(text, Languages.Undetermined));
        Assert.Equal("0:die 1:stoerungen 1:storungen 2:und 3:the 4:outages", Show(text, null));
    }

    [Theory]
    [InlineData("Störung", "stoerung")]
    [InlineData("Störungen", "stoerung")]
    [InlineData("Lieferung", "liefer")]
    [InlineData("Lieferungen", "liefer")]
    [InlineData("Kinder", "kind")]
    public void German_stems_with_Snowball(string word, string stem)
    {
        Assert.Equal(stem, Tokens(word, Languages.German)[0].Term);
    }

    [Theory]
    [InlineData("outage", "outag")]
    [InlineData("outages", "outag")]
    [InlineData("crash", "crash")]
    [InlineData("crashing", "crash")]
    [InlineData("running", "run")]
    public void English_stems_with_Snowball(string word, string stem)
    {
        Assert.Equal(stem, Tokens(word, Languages.English)[0].Term);
    }

    [Fact]
    public void Stop_words_give_no_term_but_keep_their_position()
    {
        Assert.Equal("0:kind 2:magic", Show("Kind of magic", Languages.English));
        Assert.Equal("1:stoerung 1:storung 3:zugfix 4:dauert", Show("Die Störung bei Zugfix dauert", Languages.German));
    }

    [Theory]
    [InlineData("daß Kinder")] // "daß" is on Snowball's list as written: folded, it is "dass"
    [InlineData("dass Kinder")]
    [InlineData("fuer Kinder")]
    public void German_stop_words_are_folded_as_text_is(string text)
    {
        Assert.Equal("1:kind", Show(text, Languages.German));
    }

    [Fact]
    public void Stop_words_are_only_German_and_English()
    {
        Assert.Equal("0:the 1:und", Show("the und", null));
        Assert.Equal("1:und", Show("the und", Languages.English));
        Assert.Equal("0:the", Show("the und", Languages.German));
    }

    [Fact]
    public void English_contractions_are_no_stop_words_once_folded()
    {
        // "she'll" and "we'll" are on Snowball's list, but folded they would be the words shell and well.
        Assert.Equal("0:shell 1:well", Show("Shell well", Languages.English));
    }

    [Fact]
    public void A_word_with_umlauts_gives_both_stems_at_one_position()
    {
        Assert.Equal("0:herr 1:muell 1:mull 2:kauft", Show("Herr Müller kauft", Languages.German));
        Assert.Equal("0:mueller 0:muller", Show("MU\u0308LLER", null));
    }

    [Theory]
    [InlineData("Bäcker Öl", "0:baeck 0:back 1:oel 1:ol")]
    [InlineData("Menü", "0:menu")] // "menue" loses its final e to the stemmer: both spellings stem alike, one term
    public void Umlaut_alternatives_are_stemmed_and_given_once(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Languages.German));
    }

    [Fact]
    public void A_stop_word_with_an_umlaut_still_gives_its_plain_spelling()
    {
        // A query typed without umlauts ("kuchen fur kinder") must still find "Kuchen für Kinder".
        Assert.Equal("0:kuch 1:fur 2:kind", Show("Kuchen für Kinder", Languages.German));
    }

    [Fact]
    public void Absurdly_long_words_are_skipped_but_keep_their_position()
    {
        string longWord = new('x', SearchAnalyzer.MaxWordLength + 1);
        string longest = new('y', SearchAnalyzer.MaxWordLength);

        Assert.Equal($"0:a 2:b 3:{longest}", Show($"a {longWord} b {longest}", null));
    }

    [Fact]
    public void Long_texts_are_analysed_whole()
    {
        string text = string.Concat(Enumerable.Repeat("Störung ", 5_000));

        var tokens = Tokens(text, Languages.German);

        Assert.Equal(10_000, tokens.Count);
        Assert.Equal(new SearchToken(4_999, "storung"), tokens[^1]);
    }

    [Fact]
    public void Appends_to_what_the_list_holds()
    {
        var tokens = new List<SearchToken> { new(7, "x") };

        Analyzer.Analyze("a b", null, tokens);

        Assert.Equal([new(7, "x"), new(0, "a"), new(1, "b")], tokens);
    }

    [Fact]
    public void Equal_terms_are_one_string()
    {
        var analyzer = new SearchAnalyzer();
        var tokens = new List<SearchToken>();

        analyzer.Analyze("Störung Störungen STÖRUNG", Languages.German, tokens);

        var stems = tokens.Where(t => t.Term == "stoerung").ToArray();
        Assert.Equal(3, stems.Length);
        Assert.All(stems, t => Assert.Same(stems[0].Term, t.Term));
    }

    [Fact]
    public void The_cache_stops_growing_at_its_capacity_and_analysis_stays_the_same()
    {
        var small = new SearchAnalyzer(cacheCapacity: 50);
        string text = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => $"Lieferung{i} Störung{i}"));
        var tokens = new List<SearchToken>();

        small.Analyze(text, Languages.German, tokens);
        small.Analyze(text, Languages.German, tokens);

        Assert.Equal(50, small.CachedWords(Languages.German));
        Assert.Equal(50, small.CachedTerms);
        Assert.Equal(0, small.CachedWords(Languages.English));
        var expected = Tokens(text, Languages.German);
        Assert.Equal([.. expected, .. expected], tokens);
    }

    [Fact]
    public void Works_without_any_cache()
    {
        var none = new SearchAnalyzer(cacheCapacity: 0);
        var tokens = new List<SearchToken>();

        none.Analyze("Die Störungen bei Zugfix", Languages.German, tokens);

        Assert.Equal(Tokens("Die Störungen bei Zugfix", Languages.German), tokens);
        Assert.Equal(0, none.CachedWords(Languages.German));
    }

    [Fact]
    public void Threads_sharing_one_analyzer_get_what_one_thread_gets()
    {
        var analyzer = new SearchAnalyzer(cacheCapacity: 500);
        string[] texts = [.. Enumerable.Range(0, 400).Select(i => $"Die Lieferungen{i % 37} kamen nicht, outage{i % 53} crashing Müller{i % 11}")];
        string?[] langs = [Languages.German, Languages.English, null];
        var expected = texts.Select((text, i) => Tokens(text, langs[i % 3])).ToArray();

        var results = new List<SearchToken>[texts.Length];
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            int i = n % texts.Length;
            var tokens = new List<SearchToken>();
            analyzer.Analyze(texts[i], langs[i % 3], tokens);
            Assert.Equal(expected[i], tokens);
            results[i] = tokens;
        });

        Assert.All(results, Assert.NotNull);
    }
}
