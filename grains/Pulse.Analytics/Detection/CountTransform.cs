namespace Pulse.Analytics.Detection;

/// <summary>
/// Variance-stabilising transform for over-dispersed counts (negative binomial, variance μ + φμ²):
/// z = 2/√φ · asinh(√(φ(x + 3/8))). Its noise has unit variance for small counts (it is Anscombe's
/// 2√(x + 3/8) there) and for large ones (where it is a scaled logarithm), so one threshold in
/// standard deviations fits both a brand with 3 mentions a bucket and one with 3 000.
/// </summary>
internal static class CountTransform
{
    private const double AnscombeOffset = 3.0 / 8.0;

    public static double Stabilise(double count, double dispersion)
    {
        var root = Math.Sqrt(dispersion);
        return 2.0 / root * Math.Asinh(Math.Sqrt(dispersion * (count + AnscombeOffset)));
    }

    public static double Invert(double stabilised, double dispersion)
    {
        var root = Math.Sqrt(dispersion);
        var s = Math.Sinh(stabilised * root / 2.0);
        return Math.Max(0.0, (s * s / dispersion) - AnscombeOffset);
    }

    /// <summary>
    /// Standard deviation of the stabilised value of pure Poisson counts around <paramref name="stabilised"/>:
    /// 1/√(1 + φμ) by the delta method. Real mention counts are never calmer than Poisson, so this floors the scale.
    /// </summary>
    public static double PoissonScale(double stabilised, double dispersion)
    {
        var mean = Invert(stabilised, dispersion) + AnscombeOffset;
        return 1.0 / Math.Sqrt(1.0 + (dispersion * mean));
    }
}
