using Pulse.Analytics.Sentiment;

namespace Pulse.Grains.Mentions;

/// <summary>A mention as dashboards and the read API show it. Text is untrusted: clients render it as text only.</summary>
[GenerateSerializer, Immutable]
public sealed record MentionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string BrandId,
    [property: Id(2)] string Channel,
    [property: Id(3)] string Text,
    [property: Id(4)] string? Author,
    [property: Id(5)] string? Url,
    [property: Id(6)] DateTimeOffset Timestamp,
    [property: Id(7)] string Lang,
    [property: Id(8)] float Sentiment,
    [property: Id(9)] string Label,
    [property: Id(10)] long Likes,
    [property: Id(11)] long Shares,
    [property: Id(12)] long Comments,
    [property: Id(13)] long Reach)
{
    public static MentionView From(ScoredMention scored)
    {
        var m = scored.Mention;
        return new MentionView(m.Id, scored.BrandId, m.Channel, m.Text, m.Author, m.Url, m.Timestamp,
            scored.Language, scored.Sentiment, LabelName(scored.Label), m.Likes, m.Shares, m.Comments, m.Reach);
    }

    public static string LabelName(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        _ => "neutral",
    };
}
