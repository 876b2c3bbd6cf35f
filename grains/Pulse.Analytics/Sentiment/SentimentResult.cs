namespace Pulse.Analytics.Sentiment;

/// <summary>A score in [-1, 1], its label, and the detected language ("en", "de", or "und" when unknown).</summary>
public readonly record struct SentimentResult(float Score, SentimentLabel Label, string Language);
