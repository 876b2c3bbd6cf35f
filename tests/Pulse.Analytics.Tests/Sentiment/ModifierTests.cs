using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

/// <summary>Negation, boosters, contrast: the words that change what sentiment words mean.</summary>
public sealed class ModifierTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Theory]
    [InlineData("The update is good", "The update is not good")]
    [InlineData("The app is reliable", "The app isn't reliable")]
    [InlineData("The app is reliable", "The app isn’t reliable")]
    [InlineData("The new version is good", "The new version is never good")]
    public void EnglishNegationFlipsPositiveToNegative(string plain, string negated)
    {
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(plain).Label);
        Assert.Equal(SentimentLabel.Negative, _scorer.Score(negated).Label);
    }

    // Negated complaints lean positive; whether they clear the English positive threshold is the lexicon's call.
    [Theory]
    [InlineData("No problems at all with the delivery", "Problems with the delivery")]
    [InlineData("Installed it without any issues", "Installed it with issues")]
    public void EnglishNegationFlipsNegativeToPositive(string negated, string plain)
    {
        Assert.True(_scorer.Score(plain).Score < 0f);
        Assert.True(_scorer.Score(negated).Score > 0f);
    }

    [Theory]
    [InlineData("Ich finde das gut", "Ich finde das nicht gut")]
    [InlineData("Die neue Version gefällt mir", "Die neue Version gefällt mir nicht")]
    [InlineData("Ein guter Service", "Kein guter Service")]
    [InlineData("Das klappt immer", "Das klappt nie")]
    public void GermanNegationFlipsPositiveToNegative(string plain, string negated)
    {
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(plain).Label);
        Assert.Equal(SentimentLabel.Negative, _scorer.Score(negated).Label);
    }

    [Fact]
    public void GermanNegationFlipsNegativeToPositive() =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Lief alles ohne Probleme").Label);

    [Fact]
    public void NegationDoesNotReachAcrossASentenceBreak() =>
        Assert.Equal(_scorer.Score("The coffee is great").Score, _scorer.Score("Not today. The coffee is great").Score);

    [Fact]
    public void NegationReachesAtMostThreeWordsBack() =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Not sure why everyone says the coffee here is great").Label);

    [Theory]
    [InlineData("The camera is good", "The camera is very good")]
    [InlineData("The camera is bad", "The camera is really bad")]
    [InlineData("Die Kamera ist gut", "Die Kamera ist sehr gut")]
    [InlineData("Die Kamera ist schlecht", "Die Kamera ist extrem schlecht")]
    public void IntensifiersRaiseTheMagnitude(string plain, string intensified) =>
        Assert.True(Math.Abs(_scorer.Score(intensified).Score) > Math.Abs(_scorer.Score(plain).Score));

    [Theory]
    [InlineData("The battery is bad", "The battery is slightly bad")]
    [InlineData("Der Akku ist teuer", "Der Akku ist etwas teuer")]
    public void DowntonersLowerTheMagnitude(string plain, string softened)
    {
        var softenedScore = _scorer.Score(softened).Score;

        Assert.True(Math.Abs(softenedScore) < Math.Abs(_scorer.Score(plain).Score));
        Assert.True(softenedScore < 0f);
    }

    // Each pair is chosen so that plain summing would give the opposite label.
    [Theory]
    [InlineData("The food was great but the service was bad", SentimentLabel.Negative)]
    [InlineData("The food was awful but the dessert was great", SentimentLabel.Positive)]
    [InlineData("Das Essen war schlecht, aber der Service war gut", SentimentLabel.Positive)]
    [InlineData("Das Design ist großartig, allerdings ist der Akku schlecht", SentimentLabel.Negative)]
    public void TheClauseAfterAContrastOutweighsTheOneBefore(string text, SentimentLabel expected) =>
        Assert.Equal(expected, _scorer.Score(text).Label);

    [Fact]
    public void GoodFoodButTerribleServiceIsNegative() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("The food was good but the service was terrible").Label);
}
