namespace Pulse.Analytics.Feeds;

/// <summary>
/// When a channel's feed counts as stopped (see <see cref="FeedMonitor"/>). Every number comes from a time span the live
/// detectors already use or from a false-alarm budget, never from a fit: see <see cref="For"/>.
/// </summary>
public sealed record FeedMonitorSettings
{
    /// <summary>Buckets a feed must have been watched before a silence can be judged (the live detectors' warm-up).</summary>
    public int WarmUpBuckets { get; init; } = 36;

    /// <summary>Buckets of recent history the feed's rate and its usual silences are read from (an hour).</summary>
    public int HistoryBuckets { get; init; } = 720;

    /// <summary>
    /// Expected mentions a silence must have missed: under Poisson, k empty buckets at λ a bucket happen by chance with
    /// probability e^(−λk), so λk ≥ this is chance at most once per false-alarm interval (ln(interval / bucket)).
    /// </summary>
    public double EvidenceThreshold { get; init; } = Math.Log(TimeSpan.FromDays(365) / TimeSpan.FromSeconds(5));

    /// <summary>
    /// Settings at a bucket size: warm-up as given, history the trailing hour (as the detectors' level; at least the warm-up),
    /// and the evidence a silence needs so that pure Poisson chance declares a stopped feed at most once per
    /// <paramref name="falseAlarmInterval"/> (the detectors' budget: once a year at Normal).
    /// </summary>
    public static FeedMonitorSettings For(TimeSpan bucket, TimeSpan warmUp, TimeSpan falseAlarmInterval)
    {
        if (bucket <= TimeSpan.Zero || warmUp < TimeSpan.Zero || falseAlarmInterval <= bucket)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "The bucket must be positive and shorter than the false-alarm interval, the warm-up not negative.");
        }

        var warmUpBuckets = Math.Max(1, (int)Math.Ceiling(warmUp / bucket));
        return new FeedMonitorSettings
        {
            WarmUpBuckets = warmUpBuckets,
            HistoryBuckets = Math.Max(warmUpBuckets, (int)Math.Ceiling(TimeSpan.FromHours(1) / bucket)),
            EvidenceThreshold = Math.Log(falseAlarmInterval / bucket),
        };
    }
}
