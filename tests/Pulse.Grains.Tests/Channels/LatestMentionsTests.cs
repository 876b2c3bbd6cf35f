using Pulse.Analytics.Sentiment;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>The live feed's ring, allocated with its first mention.</summary>
public sealed class LatestMentionsTests
{
    private static ScoredMention Mention(int i) =>
        new(new Mention($"x:{i}", "x", $"post {i}", DateTimeOffset.UnixEpoch.AddSeconds(i)), "acme", 0f, SentimentLabel.Neutral, "en");

    [Fact]
    public void A_feed_that_never_recorded_shows_and_saves_nothing()
    {
        var feed = new LatestMentions(20);

        Assert.Empty(feed.Newest(10));
        Assert.Empty(feed.OldestFirst());
    }

    [Fact]
    public void A_feed_keeps_the_newest_up_to_its_capacity_newest_first()
    {
        var feed = new LatestMentions(3);
        for (var i = 1; i <= 5; i++)
        {
            feed.Add(Mention(i));
        }

        Assert.Equal(["x:5", "x:4", "x:3"], feed.Newest(10).Select(m => m.Id));
        Assert.Equal(["x:3", "x:4", "x:5"], LatestMentions.Restore(3, feed.OldestFirst()).OldestFirst().Select(m => m.Mention.Id));
    }
}
