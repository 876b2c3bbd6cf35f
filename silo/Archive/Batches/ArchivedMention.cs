using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>One mention as the archive holds it, decoded from its batch. Text, author and URL are untrusted.</summary>
public sealed record ArchivedMention(
    string Id,
    string BrandId,
    string Channel,
    DateTime PublishedAt,
    string Text,
    string? Author,
    string? Url,
    string Lang,
    float Sentiment,
    SentimentLabel Label,
    long Likes,
    long Shares,
    long Comments,
    long Reach,
    string? EngagementOf)
{
    public long Engagement => Likes + Shares + Comments;

    public MentionView ToView() => new(
        Id, BrandId, Channel, Text, Author, Url, new DateTimeOffset(PublishedAt, TimeSpan.Zero), Lang, Sentiment,
        MentionView.LabelName(Label), Likes, Shares, Comments, Reach);
}
