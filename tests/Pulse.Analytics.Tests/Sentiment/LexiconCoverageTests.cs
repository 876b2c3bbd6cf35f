using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

/// <summary>The shipped lexicons (VADER, AFINN-165, Pulse's German list), idioms, borrowings and German compounds.</summary>
public sealed class LexiconCoverageTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    // Words the hand-curated English list never had; they reach the scorer only through VADER or AFINN.
    [Theory]
    [InlineData("The hotel room was appalling", SentimentLabel.Negative)]
    [InlineData("What a heartbreaking result for the team", SentimentLabel.Negative)]
    [InlineData("Their support team is superb", SentimentLabel.Positive)]
    [InlineData("I adore this little speaker", SentimentLabel.Positive)]
    public void EnglishWordsComeFromTheVaderAndAfinnLexicons(string text, SentimentLabel expected) =>
        Assert.Equal(expected, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Der Support war wirklich hilfsbereit und kompetent", SentimentLabel.Positive)]
    [InlineData("Die Verpackung war schäbig und die Anleitung unbrauchbar", SentimentLabel.Negative)]
    public void GermanWordsComeFromTheCuratedGermanLexicon(string text, SentimentLabel expected) =>
        Assert.Equal(expected, _scorer.Score(text).Label);

    [Fact]
    public void ATwoWordIdiomScoresAsAWhole() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("I am fed up with this app").Label);

    [Fact]
    public void NichtSchlechtIsPraiseNotNegatedBlame() =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Das neue Handy ist wirklich nicht schlecht").Label);

    [Fact]
    public void GermanPostsReadBorrowedEnglishWords() =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Das Konzert gestern war echt nice").Label);

    [Theory]
    [InlineData("Das Gift ist im Schrank")]
    [InlineData("Ich war heute im Bad")]
    [InlineData("Die Kinder sind bald da")]
    public void GermanPostsIgnoreEnglishFalseFriends(string text)
    {
        var result = _scorer.Score(text);

        Assert.Equal("de", result.Language);
        Assert.Equal(SentimentLabel.Neutral, result.Label);
    }

    [Theory]
    [InlineData("Das ist eine Servicekatastrophe", SentimentLabel.Negative)]
    [InlineData("Was für ein Scheißwetter heute", SentimentLabel.Negative)]
    [InlineData("Wir hatten einen Traumurlaub am See", SentimentLabel.Positive)]
    public void GermanCompoundsTakeTheirValenceFromAKnownPart(string text, SentimentLabel expected) =>
        Assert.Equal(expected, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Das war ein Abenteuer mit den Kindern")]
    [InlineData("Wir machen das gemeinsam mit der Stadt")]
    public void ShortPartsInsideLongerWordsDoNotCount(string text) =>
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score(text).Label);
}
