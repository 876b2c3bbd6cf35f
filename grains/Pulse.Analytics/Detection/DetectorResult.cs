namespace Pulse.Analytics.Detection;

/// <summary>
/// A detector's verdict on one bucket.
/// </summary>
/// <param name="AnomalyScore">0..1; 0.5 is the alert threshold at the configured sensitivity.</param>
/// <param name="Alert">True only on the bucket that opens an incident or escalates it; false for its continuation.</param>
/// <param name="Kind">What is anomalous in this bucket (also while an incident continues without a new alert).</param>
/// <param name="Severity">0 when nothing is anomalous, else 1..10, growing with the deviation and how long it has lasted.</param>
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
    public static DetectorResult Quiet(double expected, double deviation, double anomalyScore) =>
        new(anomalyScore, false, AnomalyKind.None, 0, expected, deviation);
}
