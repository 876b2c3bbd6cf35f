using Pulse.Analytics.Detection;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>Engagement comes from senders: sums stick at long.MaxValue instead of wrapping negative.</summary>
public sealed class EngagementSaturationTests
{
    [Fact]
    public void Two_mentions_with_long_MaxValue_likes_saturate_the_bucket()
    {
        var bucket = default(Bucket);
        bucket.Add(At(T0, likes: long.MaxValue, shares: long.MaxValue, comments: long.MaxValue, reach: long.MaxValue));
        bucket.Add(At(T0, likes: long.MaxValue, shares: 1, comments: long.MaxValue, reach: 1));

        Assert.Equal(long.MaxValue, bucket.Likes);
        Assert.Equal(long.MaxValue, bucket.Shares);
        Assert.Equal(long.MaxValue, bucket.Comments);
        Assert.Equal(long.MaxValue, bucket.Reach);
        Assert.Equal(2, bucket.Count);
    }

    [Fact]
    public void Adding_saturated_buckets_stays_saturated()
    {
        var full = new Bucket(1, 0, 0, 0, long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue);
        var sum = full;
        sum.Add(full);

        var totals = WindowTotals.From(sum);
        Assert.Equal(long.MaxValue, totals.Likes);
        Assert.Equal(long.MaxValue, totals.Shares);
        Assert.Equal(long.MaxValue, totals.Comments);
        Assert.Equal(long.MaxValue, totals.Reach);
    }

    [Theory]
    [InlineData(1L, 2L, 3L)]
    [InlineData(long.MaxValue, 1L, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue, long.MaxValue)]
    [InlineData(long.MinValue, -1L, long.MinValue)]
    [InlineData(long.MaxValue, long.MinValue, -1L)]
    [InlineData(-5L, 3L, -2L)]
    public void Saturating_add_clamps_only_on_overflow(long a, long b, long expected)
    {
        Assert.Equal(expected, Saturating.Add(a, b));
        Assert.Equal(expected, Saturating.Add(b, a));
    }

    [Fact]
    public void The_engagement_detector_takes_saturated_shares_and_comments()
    {
        var detector = new EngagementSurgeDetector(new DetectorSettings());

        var result = detector.Observe(T0, long.MaxValue, long.MaxValue);

        Assert.InRange(result.Severity, 0, Severity.Maximum);
    }
}
