namespace Pulse.Analytics.Detection;

/// <summary>
/// The significance level of the detectors, from a false-alarm budget: a deviation of pure noise beyond the returned
/// number of standard deviations happens once per <c>interval</c> at the given bucket size (one-sided, normal tail).
/// At 5-minute buckets and one false alarm a year that is 4.28σ; at 5-second buckets 5.11σ.
/// </summary>
public static class Significance
{
    public static double Threshold(TimeSpan falseAlarmInterval, TimeSpan bucketSize)
    {
        if (falseAlarmInterval <= TimeSpan.Zero || bucketSize <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(falseAlarmInterval), "The false-alarm interval and bucket size must be positive.");
        }

        var tail = Math.Min(0.5, bucketSize / falseAlarmInterval);
        return UpperQuantile(tail);
    }

    /// <summary>The z with P(Z &gt; z) = <paramref name="tail"/> for a standard normal Z (bisection on the tail, to 1e-9).</summary>
    public static double UpperQuantile(double tail)
    {
        if (!(tail > 0 && tail <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(tail), tail, "The tail probability must be in (0, 0.5].");
        }

        double low = 0, high = 40;
        while (high - low > 1e-9)
        {
            var mid = (low + high) / 2;
            if (UpperTail(mid) > tail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>P(Z &gt; z) = erfc(z/√2)/2, with the Chebyshev erfc of Numerical Recipes (relative error below 1.2e-7).</summary>
    public static double UpperTail(double z)
    {
        var x = z / Math.Sqrt(2.0);
        var ax = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * ax));
        var poly = -ax * ax - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var erfc = t * Math.Exp(poly);
        return (x >= 0 ? erfc : 2.0 - erfc) / 2.0;
    }
}
