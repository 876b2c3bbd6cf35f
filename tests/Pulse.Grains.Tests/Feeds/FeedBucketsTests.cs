using Pulse.Grains.Feeds;

namespace Pulse.Grains.Tests.Feeds;

/// <summary>The silos' reports summed per bucket, each bucket judged once every silo had time to report it.</summary>
public sealed class FeedBucketsTests
{
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reports_of_several_silos_for_one_bucket_are_summed_and_judged_after_the_grace()
    {
        var buckets = new FeedBuckets(Bucket);
        buckets.Add([new FeedCount(T0, "x", 30), new FeedCount(T0, "news", 4)]);
        buckets.Add([new FeedCount(T0, "x", 12)]);

        Assert.Empty(buckets.Close(T0 + (Bucket * (FeedBuckets.Grace + 1)) - TimeSpan.FromTicks(1)));
        var (start, counts) = Assert.Single(buckets.Close(T0 + (Bucket * (FeedBuckets.Grace + 1))));

        Assert.Equal(T0, start);
        Assert.Equal(42, counts["x"]);
        Assert.Equal(4, counts["news"]);
    }

    [Fact]
    public void Buckets_nobody_reported_are_judged_empty_in_order()
    {
        var buckets = new FeedBuckets(Bucket);
        buckets.Add([new FeedCount(T0, "x", 30)]);

        var closed = buckets.Close(T0 + (Bucket * 6)).ToList();

        Assert.Equal(Enumerable.Range(0, 4).Select(i => T0 + (Bucket * i)), closed.Select(c => c.Start));
        Assert.All(closed.Skip(1), c => Assert.Empty(c.Counts));
    }

    [Fact]
    public void A_count_for_a_bucket_already_judged_counts_in_the_next_one()
    {
        var buckets = new FeedBuckets(Bucket);
        buckets.Add([new FeedCount(T0, "x", 30)]);
        _ = buckets.Close(T0 + (Bucket * 3)).ToList(); // bucket 0 judged

        buckets.Add([new FeedCount(T0, "x", 7)]); // a slow silo's report of bucket 0

        var (start, counts) = Assert.Single(buckets.Close(T0 + (Bucket * 4)));
        Assert.Equal((T0 + Bucket, 7L), (start, counts["x"]));
    }

    [Fact]
    public void Nothing_is_judged_before_the_first_report()
    {
        Assert.Empty(new FeedBuckets(Bucket).Close(T0));
    }
}
