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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(20)]
    [InlineData(47)]
    public void A_growing_ring_keeps_the_order_of_a_full_one(int added)
    {
        var feed = new LatestMentions(20);
        for (var i = 1; i <= added; i++)
        {
            feed.Add(Mention(i));
        }

        var expected = Enumerable.Range(Math.Max(1, added - 19), Math.Min(added, 20)).Select(i => $"x:{i}").ToArray();
        Assert.Equal(expected, feed.OldestFirst().Select(m => m.Mention.Id));
        Assert.Equal(expected.Reverse().Take(10), feed.Newest(10).Select(m => m.Id));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(30)]
    public void Pending_mentions_read_the_same_before_and_after_they_are_compacted_as_encoded_ones(int added)
    {
        var encoded = new LatestMentions(5);
        var mixed = new LatestMentions(5);
        for (var i = 1; i <= added; i++)
        {
            var mention = Mention(i) with { Sentiment = i / 10f, Label = SentimentLabel.Positive };
            encoded.Add(mention);
            if (i % 3 == 0)
            {
                mixed.Add(FeedEntry.From(mention));
            }
            else
            {
                mixed.AddPending(mention);
            }
        }

        Assert.Equal(encoded.Newest(10), mixed.Newest(10));
        Assert.Equal(encoded.OldestFirst(), mixed.OldestFirst());
        mixed.Compact();
        Assert.Equal(encoded.Newest(10), mixed.Newest(10));
        Assert.Equal(encoded.OldestFirst(), mixed.OldestFirst());
    }
}
