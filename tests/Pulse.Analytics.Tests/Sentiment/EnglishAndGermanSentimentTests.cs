using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

public sealed class EnglishAndGermanSentimentTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Theory]
    [InlineData("I love this phone, the camera is amazing")]
    [InlineData("Great service and a really friendly team")]
    public void ClearEnglishPraiseIsPositive(string text) =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(text).Label);

    [Theory]
    [InlineData("This is the worst service ever, totally useless")]
    [InlineData("The app keeps crashing and support is rude")]
    public void ClearEnglishComplaintsAreNegative(string text) =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score(text).Label);

    [Theory]
    [InlineData("The store opens at 9 am on Monday")]
    [InlineData("New firmware version 2.4 is rolling out to all devices")]
    public void FactualEnglishIsNeutral(string text)
    {
        var result = _scorer.Score(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0f, result.Score);
    }

    [Theory]
    [InlineData("Das neue Update ist wirklich toll, ich bin begeistert")]
    [InlineData("Danke für die schnelle Hilfe, super Kundenservice")]
    public void ClearGermanPraiseIsPositive(string text) =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Der Kundenservice ist eine Katastrophe, total enttäuschend")]
    [InlineData("Schon wieder eine Störung, das nervt einfach nur")]
    public void ClearGermanComplaintsAreNegative(string text) =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score(text).Label);

    [Fact]
    public void FactualGermanIsNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score("Die Filiale öffnet am Montag um 9 Uhr").Label);

    [Theory]
    [InlineData("Ein guter Tag mit tollen Leuten")]
    [InlineData("Das war der schönste Urlaub")]
    [InlineData("Wir hatten einen schlechten Tag mit langweiligen Gästen")]
    public void GermanInflectedFormsReachTheirBaseEntry(string text) =>
        Assert.NotEqual(SentimentLabel.Neutral, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Das ist schön", "Das ist schoen")]
    [InlineData("Das ist Scheiße", "Das ist Scheisse")]
    [InlineData("Ich bin glücklich", "Ich bin gluecklich")]
    [InlineData("Das ist ärgerlich", "Das ist aergerlich")]
    public void UmlautAndEszettSpellingsScoreAlike(string written, string transliterated) =>
        Assert.Equal(_scorer.Score(written).Score, _scorer.Score(transliterated).Score);

    [Fact]
    public void ReportsTheDetectedLanguage()
    {
        Assert.Equal(Languages.German, _scorer.Score("Das ist gut").Language);
        Assert.Equal(Languages.English, _scorer.Score("This is good").Language);
        Assert.Equal(Languages.Undetermined, _scorer.Score("👍").Language);
    }

    [Fact]
    public void UndeterminedTextStillUsesBothLexicons()
    {
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Awesome!").Label);
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("Katastrophe!").Label);
    }

    [Fact]
    public void HandlesAndUrlsCarryNoSentiment()
    {
        var result = _scorer.Score("@GreatDeals posted https://example.com/terrible-news");

        Assert.Equal(SentimentLabel.Neutral, result.Label);
    }

    [Theory]
    [InlineData("Another outage #fail", SentimentLabel.Negative)]
    [InlineData("Sunday with the family #love", SentimentLabel.Positive)]
    public void HashtagWordsAreScored(string text, SentimentLabel expected) =>
        Assert.Equal(expected, _scorer.Score(text).Label);

    [Fact]
    public void CustomValencesReplaceTheBuiltInWordsButKeepTheRules()
    {
        var scorer = new LexiconSentimentScorer(
            new Dictionary<string, float> { ["meh"] = 3f },
            new Dictionary<string, float>());

        Assert.Equal(SentimentLabel.Positive, scorer.Score("This is meh").Label);
        Assert.Equal(SentimentLabel.Negative, scorer.Score("This is not meh").Label);
        Assert.Equal(SentimentLabel.Neutral, scorer.Score("This is great").Label);
    }
}
