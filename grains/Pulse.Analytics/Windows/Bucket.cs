using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Windows;

/// <summary>
/// Aggregate of the mentions in one time slot (or the sum of several slots).
/// </summary>
/// <remarks>
/// A mutable struct so ring buffers hold buckets inline and update them in place without allocating.
/// Layout: the four ints first, then the 8-byte fields, so there is no padding (56 bytes).
/// Room to shrink later if the per-grain budget demands it: Count is derivable from the three label counts,
/// and the sentiment sum could be a float.
/// </remarks>
public struct Bucket
{
    /// <summary>A bucket holding these totals, to restore a saved window. <see cref="Count"/> is not passed: it is the
    /// sum of the three label counts, as <see cref="Add(in MentionObservation)"/> keeps it.</summary>
    public Bucket(int positive, int neutral, int negative, double sentimentSum, long likes, long shares, long comments, long reach)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positive);
        ArgumentOutOfRangeException.ThrowIfNegative(neutral);
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        Count = checked(positive + neutral + negative);
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
        SentimentSum = sentimentSum;
        Likes = likes;
        Shares = shares;
        Comments = comments;
        Reach = reach;
    }

    public int Count { get; private set; }

    public int Positive { get; private set; }

    public int Neutral { get; private set; }

    public int Negative { get; private set; }

    public double SentimentSum { get; private set; }

    public long Likes { get; private set; }

    public long Shares { get; private set; }

    public long Comments { get; private set; }

    public long Reach { get; private set; }

    /// <summary>
    /// Nothing was added: no mention and no engagement. Not <c>Count == 0</c>, since engagement on an earlier post
    /// (<see cref="AddEngagement"/>) fills a bucket without a mention, and the ring must keep and save such a bucket.
    /// </summary>
    public readonly bool IsEmpty => Count == 0 && Likes == 0 && Shares == 0 && Comments == 0 && Reach == 0;

    /// <summary>
    /// Engagement that arrived as its own event (a like, a repost, a reply) on a post counted earlier: it adds to the
    /// engagement of the bucket it happened in, but it is no mention, so the count and sentiment do not change.
    /// </summary>
    public void AddEngagement(long likes, long shares, long comments)
    {
        Likes += likes;
        Shares += shares;
        Comments += comments;
    }

    public void Add(in MentionObservation m)
    {
        Count++;
        switch (m.Label)
        {
            case SentimentLabel.Positive:
                Positive++;
                break;
            case SentimentLabel.Negative:
                Negative++;
                break;
            default:
                // Anything that is not clearly positive or negative counts as neutral, so the three counts always sum to Count.
                Neutral++;
                break;
        }

        SentimentSum += m.Sentiment;
        Likes = Saturating.Add(Likes, m.Likes);
        Shares = Saturating.Add(Shares, m.Shares);
        Comments = Saturating.Add(Comments, m.Comments);
        Reach = Saturating.Add(Reach, m.Reach);
    }

    public void Add(in Bucket other)
    {
        Count += other.Count;
        Positive += other.Positive;
        Neutral += other.Neutral;
        Negative += other.Negative;
        SentimentSum += other.SentimentSum;
        Likes = Saturating.Add(Likes, other.Likes);
        Shares = Saturating.Add(Shares, other.Shares);
        Comments = Saturating.Add(Comments, other.Comments);
        Reach = Saturating.Add(Reach, other.Reach);
    }
}
