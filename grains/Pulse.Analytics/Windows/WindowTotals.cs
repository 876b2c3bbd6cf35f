namespace Pulse.Analytics.Windows;

/// <summary>
/// Immutable totals over a window, with the derived sentiment figures the dashboard and alerts read.
/// </summary>
public readonly record struct WindowTotals
{
    public WindowTotals(in Bucket bucket)
    {
        Count = bucket.Count;
        Positive = bucket.Positive;
        Neutral = bucket.Neutral;
        Negative = bucket.Negative;
        SentimentSum = bucket.SentimentSum;
        Likes = bucket.Likes;
        Shares = bucket.Shares;
        Comments = bucket.Comments;
        Reach = bucket.Reach;
    }

    public int Count { get; }

    public int Positive { get; }

    public int Neutral { get; }

    public int Negative { get; }

    public double SentimentSum { get; }

    public long Likes { get; }

    public long Shares { get; }

    public long Comments { get; }

    public long Reach { get; }

    /// <summary>Mean sentiment score in [-1, 1]; 0 when the window is empty.</summary>
    public double SentimentMean => Count == 0 ? 0 : SentimentSum / Count;

    /// <summary>(positive - negative) / (positive + negative) in [-1, 1]; 0 when there are no polar mentions.
    /// Neutral mentions are left out so a flood of neutral chatter does not dilute the signal.</summary>
    public double NetSentiment
    {
        get
        {
            int polar = Positive + Negative;
            return polar == 0 ? 0 : (double)(Positive - Negative) / polar;
        }
    }

    public static WindowTotals From(in Bucket bucket) => new(in bucket);
}
