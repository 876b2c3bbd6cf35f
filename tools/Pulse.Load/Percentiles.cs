namespace Pulse.Load;

/// <summary>
/// Exact percentiles of stored samples (nearest rank, as HdrHistogram reports them, without its bucketing): the
/// value below or at which <c>p</c> % of the samples lie. Load runs keep few enough samples to sort them.
/// </summary>
internal static class Percentiles
{
    /// <param name="sorted">Samples in ascending order.</param>
    /// <param name="percentile">0 to 100.</param>
    /// <returns>NaN when there are no samples.</returns>
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static LatencySummary Summarize(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, null, null, null, null)
            : new LatencySummary(sorted.Length, Of(sorted, 50), Of(sorted, 90), Of(sorted, 99), sorted[^1]);
    }
}
