using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

/// <summary>How social posts signal feeling besides words: emoji, emoticons, capitals, stretched words, "!".</summary>
public sealed class EmphasisAndSymbolTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Theory]
    [InlineData("New phone arrived 😍")]
    [InlineData("Finally Friday 😂")]
    [InlineData("Update installed 👍")]
    [InlineData("Thanks team ❤️")]
    [InlineData("New collection 🔥🔥")]
    [InlineData("see you tomorrow :)")]
    [InlineData("see you tomorrow :-D")]
    [InlineData("my new headphones <3")]
    [InlineData("Good morning 😀")]
    public void PositiveEmojiAndEmoticonsScorePositive(string text) =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Still waiting for my parcel 😡")]
    [InlineData("The last episode 😢")]
    [InlineData("Their new logo 👎")]
    [InlineData("Their new logo 💩")]
    [InlineData("parcel still missing :(")]
    [InlineData("parcel still missing :-(")]
    public void NegativeEmojiAndEmoticonsScoreNegative(string text) =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score(text).Label);

    [Theory]
    [InlineData("Meeting moved to 12:30 tomorrow")]
    [InlineData("Read it at https://example.com/page:D")]
    [InlineData("Ratio 3<30 on the chart")]
    public void ColonsInTimesAndUrlsAreNotEmoticons(string text) =>
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score(text).Label);

    [Fact]
    public void ElongatedWordsAreRecognisedAndEmphasised()
    {
        var plain = _scorer.Score("the new menu is so good").Score;
        var stretched = _scorer.Score("the new menu is soooo gooood").Score;

        Assert.True(plain > 0f);
        Assert.True(stretched > plain);
    }

    [Fact]
    public void ElongatedGermanWordsAreRecognised() =>
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Das Konzert war geeeeil").Label);

    [Fact]
    public void AShoutedWordInMixedCaseTextCountsMore() =>
        Assert.True(_scorer.Score("The new design is GREAT").Score > _scorer.Score("The new design is great").Score);

    [Fact]
    public void APostWrittenEntirelyInCapitalsIsNotShoutingWordByWord() =>
        Assert.Equal(_scorer.Score("the new design is great").Score, _scorer.Score("THE NEW DESIGN IS GREAT").Score);

    [Fact]
    public void ExclamationMarksPushTheScoreFurtherInItsDirection()
    {
        Assert.True(_scorer.Score("The new design is great!!!").Score > _scorer.Score("The new design is great").Score);
        Assert.True(_scorer.Score("The new design is awful!!!").Score < _scorer.Score("The new design is awful").Score);
    }

    [Fact]
    public void ExclamationMarksAloneAreNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score("Delivery today!!!").Label);
}
