namespace Pulse.Silo.Cli.Load;

/// <summary>
/// Zipf-like brand popularity: the brand of rank r gets weight 1/r^s, so a few brands carry most of the volume and
/// the long tail still gets some. Sampling is a binary search over the cumulative weights.
/// </summary>
internal sealed class ZipfPopularity
{
    private readonly double[] _cumulative;

    public ZipfPopularity(int count, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    /// <summary>The rank (0 = most popular) for a uniform draw in [0, 1).</summary>
    public int Rank(double uniform)
    {
        var index = Array.BinarySearch(_cumulative, uniform);
        return Math.Min(index < 0 ? ~index : index + 1, _cumulative.Length - 1);
    }
}
