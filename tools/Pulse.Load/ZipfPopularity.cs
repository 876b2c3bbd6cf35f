namespace Pulse.Load;

/// <summary>
/// Zipf popularity: the brand of rank r (1 = most popular) gets weight 1/r^s, so with s = 1 a few brands carry most of
/// the volume and the long tail still gets some; s = 0 is uniform. Sampling is a binary search over the cumulative
/// weights, so the draws are exactly as deterministic as the uniform numbers fed in.
/// </summary>
internal sealed class ZipfPopularity
{
    private readonly double[] _cumulative;

    public ZipfPopularity(int count, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
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

    public int Count => _cumulative.Length;

    public static ZipfPopularity For(BrandSpread spread, int count) =>
        new(count, spread == BrandSpread.Uniform ? 0 : 1);

    /// <summary>The probability of rank <paramref name="rank"/> (0 = most popular).</summary>
    public double Share(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    /// <summary>The rank (0 = most popular) for a uniform draw in [0, 1).</summary>
    public int Rank(double uniform)
    {
        var index = Array.BinarySearch(_cumulative, uniform);
        return Math.Min(index < 0 ? ~index : index + 1, _cumulative.Length - 1);
    }
}
