using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

/// <summary>Rules for how people write on social media, beyond VADER's: "like" as filler, emoji as verdicts.</summary>
public sealed class SocialTextRuleTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Theory]
    [InlineData("It looks like the train is here")]
    [InlineData("There were like 5 people at the store")]
    public void LikeWithoutASubjectIsNotPraise(string text) =>
        Assert.Equal(0f, _scorer.Score(text).Score);

    [Fact]
    public void LikeAfterItsSubjectIsPraise() =>
        Assert.True(_scorer.Score("I like the new app").Score > 0f);

    [Fact]
    public void NegatedLikeIsBlame() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("I don't like the new app").Label);

    [Fact]
    public void AnEmojiIsNotNegatedByAWordBeforeIt() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("Still no refund :(").Label);

    [Fact]
    public void NegationDoesNotReachPastAnEmoji() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("Still no refund 😡 awful").Label);

    [Fact]
    public void GermanIntensifiersRaiseTheWordAfterThem() =>
        Assert.True(_scorer.Score("Das Essen war wahnsinnig gut").Score > _scorer.Score("Das Essen war gut").Score);

    [Fact]
    public void OneMildEnglishWordStaysNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score("ok see you at the meeting").Label);

    [Fact]
    public void OneMildNegativeEnglishWordIsAlreadyNegative() =>
        Assert.Equal(SentimentLabel.Negative, _scorer.Score("the meeting was a bit boring").Label);
}
