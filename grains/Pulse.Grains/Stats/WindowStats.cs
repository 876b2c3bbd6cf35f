using Pulse.Analytics.Windows;

namespace Pulse.Grains.Stats;

/// <summary>What happened in one time window: volume, rate, sentiment split and engagement.</summary>
[GenerateSerializer, Immutable]
public record WindowStats(
    [property: Id(0)] long Count,
    [property: Id(1)] double PerMinute,
    [property: Id(2)] double SentimentMean,
    [property: Id(3)] long Positive,
    [property: Id(4)] long Neutral,
    [property: Id(5)] long Negative,
    [property: Id(6)] double NetSentiment,
    [property: Id(7)] long Likes,
    [property: Id(8)] long Shares,
    [property: Id(9)] long Comments,
    [property: Id(10)] long Reach)
{
    public static WindowStats Empty { get; } = From(default, TimeSpan.FromMinutes(1));

    public static WindowStats From(in Bucket bucket, TimeSpan span)
    {
        var totals = new WindowTotals(bucket);
        return new WindowStats(
            totals.Count,
            totals.Count / span.TotalMinutes,
            totals.SentimentMean,
            totals.Positive,
            totals.Neutral,
            totals.Negative,
            totals.NetSentiment,
            totals.Likes,
            totals.Shares,
            totals.Comments,
            totals.Reach);
    }

    /// <summary>Adds two windows of the same span (per-minute rates add, means re-weight by count).</summary>
    public WindowStats Plus(WindowStats other)
    {
        var count = Count + other.Count;
        var rated = Positive + other.Positive + Negative + other.Negative;
        return new WindowStats(
            count,
            PerMinute + other.PerMinute,
            count == 0 ? 0 : (SentimentMean * Count + other.SentimentMean * other.Count) / count,
            Positive + other.Positive,
            Neutral + other.Neutral,
            Negative + other.Negative,
            rated == 0 ? 0 : (double)(Positive + other.Positive - Negative - other.Negative) / rated,
            Saturating.Add(Likes, other.Likes),
            Saturating.Add(Shares, other.Shares),
            Saturating.Add(Comments, other.Comments),
            Saturating.Add(Reach, other.Reach));
    }
}
