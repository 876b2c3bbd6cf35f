using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>Scored mentions of brand "acme" on channel "x", as a (brand, channel) grain records them.</summary>
internal static class ChannelMentions
{
    public static readonly ChannelKey Key = new("acme", "x");

    public static ScoredMention One(string id, DateTimeOffset at, string text = "acme ordinary day", long likes = 0, SentimentLabel label = SentimentLabel.Neutral) =>
        new(new Mention(id, Key.Channel, text, at, Likes: likes), Key.BrandId, label == SentimentLabel.Negative ? -0.8f : 0f, label, "de");

    /// <summary><paramref name="count"/> mentions with ids "<paramref name="prefix"/>-0" on, all at <paramref name="at"/>.</summary>
    public static ScoredMention[] Many(string prefix, int count, DateTimeOffset at, string text = "acme ordinary day", SentimentLabel label = SentimentLabel.Neutral) =>
        [.. Enumerable.Range(0, count).Select(i => One($"{prefix}-{i}", at, text, likes: i, label: label))];
}
