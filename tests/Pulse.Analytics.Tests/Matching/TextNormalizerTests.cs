using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

public class TextNormalizerTests
{
    [Fact]
    public void Lower_cases_and_splits_on_whitespace_and_punctuation()
    {
        Assert.Equal("deutsche bahn ist spaet 20 min", TextNormalizer.Normalize("Deutsche-Bahn ist SPAET!!! (20 min)"));
    }

    [Theory]
    [InlineData("Müller", "mueller")]
    [InlineData("MÜLLER", "mueller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ärger Öl", "aerger oel")]
    [InlineData("Café Crème", "cafe creme")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Mu\u0308ller", "mueller")] // decomposed ü
    public void Folds_umlauts_to_digraphs_and_strips_other_diacritics(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Keeps_hashtag_and_handle_sigils_on_their_tokens()
    {
        Assert.Equal("#bahnchaos bei @db_bahn", TextNormalizer.Normalize("#BahnChaos bei @DB_Bahn!"));
    }

    [Fact]
    public void Keeps_dotted_handles_whole_but_not_a_trailing_full_stop()
    {
        Assert.Equal("hi @db.bsky.social", TextNormalizer.Normalize("Hi @db.bsky.social."));
    }

    [Fact]
    public void An_at_sign_inside_a_word_is_not_a_handle()
    {
        Assert.Equal("mail info example com", TextNormalizer.Normalize("mail info@example.com"));
    }

    [Fact]
    public void Skips_links_entirely()
    {
        Assert.Equal("see now", TextNormalizer.Normalize("see https://apple.com/iphone?x=1 now (http://bahn.de)"));
    }

    [Fact]
    public void Drops_apostrophes_inside_words()
    {
        Assert.Equal("mcdonalds dont", TextNormalizer.Normalize("McDonald's don’t"));
    }

    [Fact]
    public void Gives_umlaut_tokens_an_alternate_without_the_umlaut()
    {
        string text = "Müller kauft";
        var scratch = new char[TextNormalizer.ScratchLength(text.Length)];
        var tokens = new FoldedToken[TextNormalizer.MaxTokenCount(text.Length)];

        int count = TextNormalizer.Tokenize(text, scratch, tokens);

        Assert.Equal(2, count);
        Assert.Equal("mueller", tokens[0].Text(scratch).ToString());
        Assert.Equal("muller", tokens[0].Alternate(scratch).ToString());
        Assert.False(tokens[1].HasAlternate);
    }

    [Fact]
    public void Each_token_knows_where_it_was_written_in_the_text()
    {
        string text = "Die #Stellwerksstörung, McDonald’s https://x.example/Stör und @db.bsky.social";
        var scratch = new char[TextNormalizer.ScratchLength(text.Length)];
        var tokens = new FoldedToken[TextNormalizer.MaxTokenCount(text.Length)];

        int count = TextNormalizer.Tokenize(text, scratch, tokens);

        var raw = tokens[..count].Select(t => t.Raw(text).ToString()).ToArray();
        Assert.Equal(["Die", "#Stellwerksstörung", "McDonald’s", "und", "@db.bsky.social"], raw);
        Assert.Equal("#stellwerksstoerung", tokens[1].Text(scratch).ToString());
    }

    [Theory]
    [InlineData("Die STÖRUNG bei Zugfix!", false, "die stoerung bei zugfix!", true)]
    [InlineData("Die STÖRUNG bei Zugfix!", true, "die storung bei zugfix!", true)]
    [InlineData("Straße \"café\" -McDonald's", false, "strasse \"cafe\" -mcdonalds", false)]
    [InlineData("Mu\u0308ller or Müller", false, "mueller or mueller", true)]
    [InlineData("Mu\u0308ller", true, "muller", true)]
    public void Folds_whole_texts_like_tokens_and_keeps_every_other_character(string text, bool dropUmlauts, string expected, bool umlaut)
    {
        Assert.Equal(expected, TextNormalizer.FoldText(text, dropUmlauts, out var hadUmlaut));
        Assert.Equal(umlaut, hadUmlaut);
        Assert.Equal(TextNormalizer.Normalize(text), TextNormalizer.Normalize(TextNormalizer.FoldText(text, false, out _)));
    }

    [Fact]
    public void Folds_long_texts_beyond_the_stack_buffer()
    {
        var text = string.Concat(Enumerable.Repeat("Größe ", 400));

        Assert.Equal(string.Concat(Enumerable.Repeat("groesse ", 400)), TextNormalizer.FoldText(text, false, out _));
    }

    [Theory]
    [InlineData("Die STÖRUNG bei Zugfix!", false)]
    [InlineData("Die STÖRUNG bei Zugfix!", true)]
    [InlineData("Straße \"café\" ẞ", false)]
    [InlineData("", false)]
    public void Folds_into_a_span_exactly_as_into_a_string(string text, bool dropUmlauts)
    {
        var destination = new char[TextNormalizer.FoldedTextLength(text.Length)];

        int length = TextNormalizer.FoldText(text, destination, dropUmlauts, out bool hadUmlaut);

        Assert.Equal(TextNormalizer.FoldText(text, dropUmlauts, out bool expectedUmlaut), new string(destination, 0, length));
        Assert.Equal(expectedUmlaut, hadUmlaut);
    }

    [Fact]
    public void Folding_into_a_span_refuses_one_that_is_too_short() =>
        Assert.Throws<ArgumentException>(() => TextNormalizer.FoldText("ßß", new char[3], false, out _));
}
