namespace Pulse.Analytics.Sentiment;

/// <summary>The three classes war rooms read: the negative share drives alerts.</summary>
public enum SentimentLabel : byte
{
    Neutral = 0,
    Positive = 1,
    Negative = 2,
}
