using Pulse.Load;
using Pulse.Synthetic;

namespace Pulse.Tools.Tests.Load;

/// <summary>
/// Draws from <see cref="ZipfPopularity"/> with a fixed seed and checks the frequencies against the distribution's own
/// shares: for Zipf s = 1 over N ranks, rank 1 has 1/H_N (H_N the N-th harmonic number), rank r 1/(r H_N). Tolerances are
/// five standard errors of a frequency over the draws, so a correct sampler fails about once in 3.5 million seeds and a
/// wrong exponent or an off-by-one rank fails every time.
/// </summary>
public sealed class ZipfPopularityTests
{
    private const int Draws = 200_000;

    private static int[] Counts(ZipfPopularity popularity, ulong seed)
    {
        var random = new DemoRandom(seed);
        var counts = new int[popularity.Count];
        for (var i = 0; i < Draws; i++)
        {
            counts[popularity.Rank(random.NextDouble())]++;
        }

        return counts;
    }

    private static double Harmonic(int n) => Enumerable.Range(1, n).Sum(r => 1.0 / r);

    private static void AssertFrequency(double expected, int count, string what)
    {
        var tolerance = 5 * Math.Sqrt(expected * (1 - expected) / Draws);
        Assert.True(Math.Abs((double)count / Draws - expected) <= tolerance,
            $"{what}: {(double)count / Draws:0.00000} drawn, {expected:0.00000} expected (± {tolerance:0.00000})");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void Rank_one_comes_up_one_time_in_H_N_and_rank_r_r_times_less(int brands)
    {
        var counts = Counts(new ZipfPopularity(brands), seed: 7);
        var h = Harmonic(brands);

        AssertFrequency(1 / h, counts[0], "rank 1");
        AssertFrequency(1 / (2 * h), counts[1], "rank 2");
        AssertFrequency(1 / (10 * h), counts[9], "rank 10");
        // The tail as a whole: ranks 101..N.
        AssertFrequency(1 - Harmonic(100) / h, counts[100..].Sum(), "ranks past 100");
    }

    [Fact]
    public void Uniform_gives_every_rank_the_same_share()
    {
        var popularity = ZipfPopularity.For(BrandSpread.Uniform, 20);
        var counts = Counts(popularity, seed: 11);

        for (var rank = 0; rank < 20; rank++)
        {
            Assert.Equal(1.0 / 20, popularity.Share(rank), precision: 12);
            AssertFrequency(1.0 / 20, counts[rank], $"rank {rank + 1}");
        }
    }

    [Fact]
    public void Shares_sum_to_one_and_fall_with_rank()
    {
        var popularity = ZipfPopularity.For(BrandSpread.Zipf, 500);
        var shares = Enumerable.Range(0, 500).Select(popularity.Share).ToArray();

        Assert.Equal(1.0, shares.Sum(), precision: 9);
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.Equal(2.0, shares[0] / shares[1], precision: 9);
    }

    [Fact]
    public void The_same_seed_draws_the_same_ranks()
    {
        var popularity = new ZipfPopularity(1_000);

        Assert.Equal(Counts(popularity, seed: 3), Counts(popularity, seed: 3));
        Assert.NotEqual(Counts(popularity, seed: 3), Counts(popularity, seed: 4));
    }

    [Fact]
    public void A_uniform_pool_over_many_brands_reaches_nearly_all_of_them()
    {
        var brands = LoadBrands.Generate(20_000, seed: 1);
        var pool = MentionPool.Create(brands, seed: 1, BrandSpread.Uniform);

        var reached = Enumerable.Range(0, pool.Count).Select(i => pool[i].BrandIndex).Distinct().Count();

        // 40 000 draws over 20 000 brands: each is missed with probability (1 - 1/20 000)^40 000 ≈ e^-2, so about 86 % are reached.
        Assert.Equal(40_000, pool.Count);
        Assert.InRange(reached, 16_800, 17_800);
    }
}
