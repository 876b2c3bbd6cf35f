using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(50, 50)]
    [InlineData(90, 90)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0, 1)]
    [InlineData(99.5, 100)]
    public void Nearest_rank_of_1_to_100(double percentile, double expected) =>
        Assert.Equal(expected, Percentiles.Of(OneToHundred, percentile));

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        Assert.Equal(7, Percentiles.Of([7.0], 1));
        Assert.Equal(7, Percentiles.Of([7.0], 99));
    }

    [Fact]
    public void Few_samples_round_the_rank_up()
    {
        double[] sorted = [10, 20, 30, 40];

        Assert.Equal(20, Percentiles.Of(sorted, 50));
        Assert.Equal(40, Percentiles.Of(sorted, 90));
    }

    [Fact]
    public void Summaries_sort_their_samples_and_report_the_maximum()
    {
        var summary = Percentiles.Summarize([5.0, 1, 4, 2, 3]);

        Assert.Equal(new LatencySummary(5, 3, 5, 5, 5), summary);
    }

    [Fact]
    public void No_samples_have_no_percentiles()
    {
        Assert.Equal(new LatencySummary(0, null, null, null, null), Percentiles.Summarize([]));
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
    }
}
