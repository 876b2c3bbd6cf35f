using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Windows;

/// <summary>
/// One matched, scored mention as the rolling windows see it: its event time, sentiment and engagement.
/// No text and no ids, so it stays a small value that is cheap to pass by <c>in</c>.
/// </summary>
public readonly record struct MentionObservation(
    DateTimeOffset Timestamp,
    float Sentiment,
    SentimentLabel Label,
    long Likes,
    long Shares,
    long Comments,
    long Reach);
