namespace Pulse.Analytics.Detection;

/// <summary>
/// Severity 1..10 in expected-versus-observed terms: one step per doubling of the observed over the expected (or, for a
/// fall, of the expected over the observed). 1: less than twice the usual; 2: 2–4×; 3: 4–8×; 4: 8–16×; … 10: 512× or
/// more. For a real-valued measurement, where a ratio means nothing, one step per doubling of the deviation beyond the
/// significance threshold.
/// </summary>
public static class Severity
{
    public const int Maximum = 10;

    /// <summary>Severity of <paramref name="observed"/> against <paramref name="expected"/> (counts or shares, not negative).</summary>
    /// <param name="offset">Added to both sides so a near-zero expectation does not make a handful of mentions look infinite
    /// (for counts, one mention per five minutes in the bucket's units).</param>
    public static int OfRatio(double observed, double expected, double offset = 1.0)
    {
        var ratio = (Math.Max(0, observed) + offset) / (Math.Max(0, expected) + offset);
        return Steps(ratio >= 1 ? ratio : 1 / ratio);
    }

    /// <summary>Severity of a deviation of <paramref name="deviations"/> standard deviations against the threshold.</summary>
    public static int OfDeviation(double deviations, double threshold) => Steps(Math.Abs(deviations) / threshold * 2.0);

    private static int Steps(double ratio) =>
        (int)Math.Clamp(Math.Floor(Math.Log2(Math.Max(1.0, ratio))) + 1.0, 1.0, Maximum);
}
