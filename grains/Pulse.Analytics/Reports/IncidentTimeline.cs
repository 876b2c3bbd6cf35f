namespace Pulse.Analytics.Reports;

/// <summary>Mentions in one bucket of time (a minute, an hour) and their summed sentiment.</summary>
public readonly record struct TimeBucket(DateTimeOffset Start, long Mentions, double SentimentSum)
{
    public double? MeanSentiment => Mentions == 0 ? null : SentimentSum / Mentions;
}

/// <summary>
/// When an incident began and when sentiment recovered, from what the archive counted around its alert. Pure: the
/// caller reads the buckets.
/// </summary>
public static class IncidentTimeline
{
    /// <summary>Minutes summed to smooth per-minute noise before comparing with the baseline.</summary>
    public const int SmoothingMinutes = 5;

    /// <summary>
    /// The start of the excursion that ended in an alert at <paramref name="alertAt"/>: walking back from the alert,
    /// the minute after the last one whose trailing <see cref="SmoothingMinutes"/>-minute count was within the
    /// baseline's normal range. The baseline is the per-minute rate of <paramref name="baseline"/> (hours before the
    /// <paramref name="window"/> searched), and "normal" is Poisson's mean + 3σ for the smoothed sum, the same
    /// three-sigma rule a control chart uses. Null when the window holds no minute before the alert; the window's first
    /// minute when the rate was never normal in it (the start lies earlier than the window reaches).
    /// </summary>
    /// <param name="window">Per-minute counts, oldest first, up to the alert's minute; missing minutes count 0.</param>
    public static DateTimeOffset? SpikeStart(IReadOnlyList<TimeBucket> window, IReadOnlyList<TimeBucket> baseline, TimeSpan baselineLength, DateTimeOffset alertAt)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(baseline);
        var minutes = window.Where(b => b.Start <= alertAt).OrderBy(b => b.Start).ToList();
        if (minutes.Count == 0 || baselineLength <= TimeSpan.Zero)
        {
            return null;
        }

        var perMinute = baseline.Sum(b => b.Mentions) / baselineLength.TotalMinutes;
        var expected = perMinute * SmoothingMinutes;
        var normal = expected + (3 * Math.Sqrt(Math.Max(expected, 1)));
        var first = minutes[0].Start;
        var counts = new long[(int)(minutes[^1].Start - first).TotalMinutes + 1];
        foreach (var minute in minutes)
        {
            counts[(int)(minute.Start - first).TotalMinutes] += minute.Mentions;
        }

        long sum = 0;
        var smoothed = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            sum += counts[i] - (i >= SmoothingMinutes ? counts[i - SmoothingMinutes] : 0);
            smoothed[i] = sum;
        }

        for (var i = counts.Length - 1; i >= 0; i--)
        {
            if (smoothed[i] <= normal)
            {
                return i == counts.Length - 1 ? first.AddMinutes(i) : first.AddMinutes(i + 1);
            }
        }

        return first;
    }

    /// <summary>
    /// How long after <paramref name="start"/> sentiment took to come back: the baseline is the mention-weighted mean of
    /// the <paramref name="hours"/> before the start and σ the spread of their hourly means. Sentiment dipped when an
    /// hour from the start on fell below mean − 2σ (or below the mean by 0.1, whichever is wider, so a flat baseline
    /// does not make every wobble a dip); it recovered at the first later hour back at or above mean − σ. Null when it
    /// never dipped or has not recovered in the hours given.
    /// </summary>
    public static TimeSpan? SentimentRecovery(IReadOnlyList<TimeBucket> hours, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var before = hours.Where(h => h.Start < start && h.Mentions > 0).ToArray();
        if (before.Length < 2)
        {
            return null;
        }

        var mean = before.Sum(h => h.SentimentSum) / before.Sum(h => h.Mentions);
        var means = before.Select(h => h.MeanSentiment!.Value).ToArray();
        var average = means.Average();
        var sigma = Math.Sqrt(means.Sum(m => (m - average) * (m - average)) / (means.Length - 1));
        var dipBelow = mean - Math.Max(2 * sigma, 0.1);
        var backAt = mean - Math.Max(sigma, 0.05);
        var dipped = false;
        foreach (var hour in hours.Where(h => h.Start >= start.AddHours(-1) && h.Mentions > 0).OrderBy(h => h.Start))
        {
            var m = hour.MeanSentiment!.Value;
            if (!dipped)
            {
                dipped = m < dipBelow;
            }
            else if (m >= backAt)
            {
                return hour.Start - start < TimeSpan.Zero ? TimeSpan.Zero : hour.Start - start;
            }
        }

        return null;
    }
}
