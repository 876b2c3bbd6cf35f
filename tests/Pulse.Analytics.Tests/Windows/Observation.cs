using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>Builds observations for window tests; only what a test cares about needs spelling out.</summary>
internal static class Observation
{
    /// <summary>A slot-aligned instant for every default resolution (whole quarter hour, UTC).</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static MentionObservation At(
        DateTimeOffset timestamp,
        SentimentLabel label = SentimentLabel.Neutral,
        float sentiment = 0f,
        long likes = 0,
        long shares = 0,
        long comments = 0,
        long reach = 0) =>
        new(timestamp, sentiment, label, likes, shares, comments, reach);

    public static MentionObservation AtSeconds(double secondsAfterT0) => At(T0.AddSeconds(secondsAfterT0));
}
