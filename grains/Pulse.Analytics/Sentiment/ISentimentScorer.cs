namespace Pulse.Analytics.Sentiment;

/// <summary>
/// Scores one post. Implementations are thread-safe and allocation-free on the hot path,
/// so one instance serves every ingest partition; swapping the scorer is one DI registration.
/// </summary>
public interface ISentimentScorer
{
    SentimentResult Score(ReadOnlySpan<char> text);
}
