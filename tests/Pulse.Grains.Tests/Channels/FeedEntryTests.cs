using Pulse.Analytics.Sentiment;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>The compact form of a recorded mention must give back exactly what went in.</summary>
public sealed class FeedEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 14, 5, 6, 789, TimeSpan.FromHours(1));

    public static TheoryData<string> Texts => new()
    {
        "plain ascii",
        "Störung bei der Lieferung, Größe falsch, Übel! ß",
        "emoji 😀🎉👍🏽 and a flag 🇩🇪 and a ZWJ family 👨‍👩‍👧",
        "東京駅前 ΑΘΗΝΑ привет עִבְרִית العربية",
        "a lone high surrogate \ud83d here",
        "a lone low surrogate \ude00 and a reversed pair \ude00\ud83d",
        "",
        new string('x', 5_000) + "ä",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_mention_comes_back_exactly(string text)
    {
        var scored = new ScoredMention(
            new Mention("bluesky:at://did:plc:abc/post/3k", "bluesky", text, At, "Jürgen 😀", "de", "https://bsky.app/profile/x/post/3k", 12, 3, 4, 56_789, "Nordtakt"),
            "nordtakt", -0.4321f, SentimentLabel.Negative, "de");

        var entry = FeedEntry.From(scored);
        var back = entry.ToScored();

        Assert.Equal(scored, back);
        Assert.Equal(text, back.Mention.Text);
        Assert.Equal(At.Offset, back.Mention.Timestamp.Offset);
        Assert.Equal(MentionView.From(scored), entry.ToView());
        Assert.Equal(At, entry.Timestamp);
        Assert.Equal(19, entry.Engagement);
    }

    [Fact]
    public void Nulls_empty_strings_extreme_counts_and_odd_floats_come_back_exactly()
    {
        var scored = new ScoredMention(
            new Mention("", "x", "t", DateTimeOffset.MinValue, Author: null, Lang: "", Url: null, Likes: long.MaxValue, Shares: long.MinValue, Comments: -1, Reach: 0, Brand: null),
            "", float.NaN, SentimentLabel.Neutral, "und");

        var back = FeedEntry.From(scored).ToScored();

        Assert.Equal(scored, back);
        Assert.Null(back.Mention.Author);
        Assert.Equal("", back.Mention.Lang);
        Assert.Equal(long.MinValue, back.Mention.Shares);
        Assert.True(float.IsNaN(back.Sentiment));
    }

    [Theory]
    [InlineData(-570)]
    [InlineData(0)]
    [InlineData(14 * 60)]
    public void Timestamps_come_back_to_the_tick_with_their_offset(int offsetMinutes)
    {
        var at = new DateTimeOffset(2026, 3, 1, 2, 3, 4, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(1_234_567);
        foreach (var instant in new[] { at, DateTimeOffset.MaxValue, DateTimeOffset.MinValue })
        {
            var scored = new ScoredMention(new Mention("id", "x", "t", instant), "b", 1f, SentimentLabel.Positive, "en");

            var back = FeedEntry.From(scored).ToScored().Mention.Timestamp;

            Assert.Equal(instant.UtcTicks, back.UtcTicks);
            Assert.Equal(instant.Offset, back.Offset);
        }
    }

    [Fact]
    public void A_typical_post_costs_well_under_half_of_its_records_and_strings()
    {
        var text = string.Join(' ', Enumerable.Repeat("delivery late again", 8)); // 159 characters
        var scored = new ScoredMention(
            new Mention("x:1790000000000123456", "x", text, At, "user123456", "en", "https://x.example/user123456/status/1790000000000123456", 12, 3, 4, 5_000),
            "brand-000001", 0.5f, SentimentLabel.Positive, "en");

        // 15 fixed, 5 of counts, 270 of UTF-8 and 11 of string headers (0.8 KB as records and strings).
        Assert.InRange(FeedEntry.From(scored).Size, 280, 300);
    }
}
