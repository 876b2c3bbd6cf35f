namespace Pulse.Analytics.Reports;

/// <summary>Volume, sentiment and engagement of one side of a before/after comparison.</summary>
public sealed record PeriodTotals(long Mentions, double? MeanSentiment, long Engagement);

/// <summary>
/// The change from <see cref="Before"/> to <see cref="After"/>, as fractions (0.25 is +25 %); null where the before
/// side is zero, as a rise from nothing has no ratio. Sentiment changes are differences of means, not ratios.
/// </summary>
public sealed record PeriodLift(PeriodTotals Before, PeriodTotals After, double? Mentions, double? Engagement, double? Sentiment)
{
    public static PeriodLift Between(PeriodTotals before, PeriodTotals after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new PeriodLift(
            before,
            after,
            Ratio(before.Mentions, after.Mentions),
            Ratio(before.Engagement, after.Engagement),
            before.MeanSentiment is { } b && after.MeanSentiment is { } a ? a - b : null);
    }

    public static PeriodTotals Sum(IEnumerable<TimeBucket> buckets, long engagement)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        long mentions = 0;
        double sentiment = 0;
        foreach (var bucket in buckets)
        {
            mentions += bucket.Mentions;
            sentiment += bucket.SentimentSum;
        }

        return new PeriodTotals(mentions, mentions == 0 ? null : sentiment / mentions, engagement);
    }

    private static double? Ratio(long before, long after) => before == 0 ? null : (after - before) / (double)before;
}
