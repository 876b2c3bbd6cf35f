namespace Pulse.Analytics.Detection;

/// <summary>
/// A detector's verdict on one bucket.
/// </summary>
/// <param name="AnomalyScore">0..1; 0.5 is the alert threshold at the configured sensitivity.</param>
/// <param name="Alert">True only on the bucket that opens an incident or escalates it; false for its continuation.</param>
/// <param name="Kind">What is anomalous in this bucket (also while an incident continues without a new alert).</param>
/// <param name="Severity">0 when nothing is anomalous, else 1..10 (see <see cref="Detection.Severity"/>).</param>
/// <param name="Expected">The baseline for this bucket, in the observed units (mentions, or a share 0..1).</param>
/// <param name="Deviation">Signed deviation from the baseline in robust standard deviations.</param>
public readonly record struct DetectorResult(
    double AnomalyScore,
    bool Alert,
    AnomalyKind Kind,
    int Severity,
    double Expected,
    double Deviation)
{
    /// <summary>True when this alert escalates an incident already alerted (its severity stepped up), false when it opens one.</summary>
    public bool Escalates { get; init; }

    /// <summary>True on the one bucket that opens an incident: what pages a person, and what the NAB <c>alert</c> column holds.</summary>
    public bool Opens => Alert && !Escalates;

    /// <summary>
    /// The score as an alert score: at or above 0.5 exactly on the buckets that raise an alert, below it on
    /// an incident's continuation and on suppressed repeats. Thresholding it anywhere ranks buckets the way
    /// the alerting does, so a threshold sweep (NAB) measures the alerts users would actually get.
    /// </summary>
    public double AlertScore => Alert ? Math.Max(AnomalyScore, 0.5) : Math.Min(AnomalyScore, 0.4999);

    public static DetectorResult Quiet(double expected, double deviation, double anomalyScore) =>
        new(anomalyScore, false, AnomalyKind.None, 0, expected, deviation);
}
