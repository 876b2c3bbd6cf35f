using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>Engagement that arrives as its own event (a like, a repost, a reply) on a post the channel counted.</summary>
public sealed class ChannelEngagementTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Engagement_adds_likes_shares_and_comments_without_a_mention_or_sentiment()
    {
        var state = new ChannelState(ChannelMentions.Key, new ChannelWindowOptions(), _clock);
        var post = ChannelMentions.One("post", Now, label: SentimentLabel.Negative);

        var first = state.Apply([post], null, Now);
        var engaged = state.Apply(
        [
            Engagement("like-1", "post", Now.AddSeconds(1), likes: 1),
            Engagement("repost-1", "post", Now.AddSeconds(1), shares: 1),
            Engagement("reply-1", "post", Now.AddSeconds(2), comments: 1),
        ], null, Now.AddSeconds(2));

        var sum = state.Windows.Sum(Now.AddSeconds(2), TimeSpan.FromMinutes(1));
        Assert.Equal(1, first.Counted);
        Assert.Equal((true, 0), (engaged.Accepted, engaged.Counted));
        Assert.Equal(1, sum.Count);
        Assert.Equal(1, sum.Negative);
        Assert.Equal(-0.8, sum.SentimentSum, 5);
        Assert.Equal((1L, 1L, 1L), (sum.Likes, sum.Shares, sum.Comments));
        Assert.Equal(["post"], state.Latest.Newest(10).Select(m => m.Id)); // the feed shows posts, not likes
    }

    [Fact]
    public void An_engagement_id_seen_again_counts_once()
    {
        var state = new ChannelState(ChannelMentions.Key, new ChannelWindowOptions(), _clock);
        state.Apply([ChannelMentions.One("post", Now)], null, Now);
        var like = Engagement("like-1", "post", Now, likes: 1);

        state.Apply([like, like], null, Now);
        state.Apply([like, Engagement("like-2", "post", Now, likes: 1)], null, Now);

        Assert.Equal(2, state.Windows.Sum(Now, TimeSpan.FromMinutes(1)).Likes);
    }

    [Fact]
    public void Engagement_without_its_post_in_this_channel_still_lands_in_its_own_bucket()
    {
        // The post may have been counted before a restart or in another hour: the engagement is of its own time.
        var state = new ChannelState(ChannelMentions.Key, new ChannelWindowOptions(), _clock);

        state.Apply([Engagement("like-1", "older-post", Now, likes: 1)], null, Now);

        var sum = state.Windows.Sum(Now, TimeSpan.FromMinutes(1));
        Assert.Equal((0, 1L), (sum.Count, sum.Likes));
    }

    private static ScoredMention Engagement(string id, string post, DateTimeOffset at, long likes = 0, long shares = 0, long comments = 0) =>
        new(new Mention(id, ChannelMentions.Key.Channel, "acme ordinary day", at, Likes: likes, Shares: shares, Comments: comments, EngagementOf: post),
            ChannelMentions.Key.BrandId, 0f, SentimentLabel.Neutral, "und");
}
