using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

public sealed class BucketConstructionTests
{
    [Fact]
    public void ABucketBuiltFromTotalsCountsTheSumOfItsLabels()
    {
        var bucket = new Bucket(2, 3, 4, 1.5, 10, 20, 30, 40);

        Assert.Equal(9, bucket.Count);
        Assert.Equal((2, 3, 4), (bucket.Positive, bucket.Neutral, bucket.Negative));
        Assert.Equal((1.5, 10L, 20L, 30L, 40L), (bucket.SentimentSum, bucket.Likes, bucket.Shares, bucket.Comments, bucket.Reach));
    }

    [Fact]
    public void ANegativeLabelCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bucket(1, -1, 0, 0, 0, 0, 0, 0));
    }
}
