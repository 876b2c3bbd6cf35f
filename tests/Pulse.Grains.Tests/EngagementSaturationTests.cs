using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;
using Pulse.Grains.Stats;

namespace Pulse.Grains.Tests;

/// <summary>Every engagement sum outside the bucket saturates too: windows added together and the rank of a post.</summary>
public sealed class EngagementSaturationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Window_stats_with_long_MaxValue_likes_add_up_to_long_MaxValue()
    {
        var full = WindowStats.From(new Bucket(1, 0, 0, 0, long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue), TimeSpan.FromMinutes(1));

        var sum = full.Plus(full);

        Assert.Equal(long.MaxValue, sum.Likes);
        Assert.Equal(long.MaxValue, sum.Shares);
        Assert.Equal(long.MaxValue, sum.Comments);
        Assert.Equal(long.MaxValue, sum.Reach);
    }

    [Fact]
    public void A_post_with_long_MaxValue_of_everything_ranks_at_long_MaxValue()
    {
        var scored = new ScoredMention(
            new Mention("m", "x", "text", At, Likes: long.MaxValue, Shares: long.MaxValue, Comments: long.MaxValue),
            "acme", 0f, SentimentLabel.Neutral, "en");

        Assert.Equal(long.MaxValue, FeedEntry.From(scored).Engagement);

        var top = new TopRecentMentions(2, TimeSpan.FromMinutes(5));
        top.Add(new ScoredMention(new Mention("small", "x", "text", At, Likes: 5), "acme", 0f, SentimentLabel.Neutral, "en"), At);
        top.Add(scored, At);
        Assert.Equal(["m", "small"], top.Views().Select(v => v.Id));
    }
}
