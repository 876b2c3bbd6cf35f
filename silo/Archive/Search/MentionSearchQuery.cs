using Pulse.Analytics.Sentiment;

namespace Pulse.Silo.Archive.Search;

/// <summary>How search results are ordered: newest first, or most engaged (likes + shares + comments) first.</summary>
public enum MentionSearchSort
{
    Time,
    Engagement,
}

/// <summary>
/// One validated search of the archive. <see cref="Brands"/> null searches every brand; otherwise only those (the one a
/// request names, or a team's). <see cref="After"/> continues a previous page.
/// </summary>
public sealed record MentionSearchQuery(
    IReadOnlyList<string>? Brands,
    string? Text,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Channel,
    SentimentLabel? Label,
    string? Lang,
    MentionSearchSort Sort,
    SearchCursor? After,
    int Limit);
