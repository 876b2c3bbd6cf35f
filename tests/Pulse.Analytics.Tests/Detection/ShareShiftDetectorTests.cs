using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

public sealed class ShareShiftDetectorTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private const int OneDay = 288;

    // Binomial negatives out of Poisson totals; the negative share switches at shiftAt.
    private static DetectorResult[] Run(int buckets, double meanTotal, double share, double shiftedShare, int shiftAt, int seed = 3)
    {
        var detector = new ShareShiftDetector(DetectorSettings.Default);
        var random = new Random(seed);
        var results = new DetectorResult[buckets];
        for (var i = 0; i < buckets; i++)
        {
            var total = Poisson(random, meanTotal);
            var p = i >= shiftAt ? shiftedShare : share;
            var negative = 0;
            for (var m = 0; m < total; m++)
            {
                negative += random.NextDouble() < p ? 1 : 0;
            }

            results[i] = detector.Observe(Start + (FiveMinutes * i), negative, total);
        }

        return results;
    }

    [Fact]
    public void AStableNegativeShareRaisesNoAlert()
    {
        var results = Run(10 * OneDay, 50, 0.2, 0.2, int.MaxValue);

        Assert.Empty(AlertBuckets(results));
    }

    [Fact]
    public void ANegativeShareRisingFromTwentyToFiftyPercentIsAlertedWithinAnHour()
    {
        var results = Run(OneDay + 24, 50, 0.2, 0.5, OneDay);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, OneDay, OneDay + 12);
        Assert.Equal(AnomalyKind.NegativeShift, results[alert].Kind);
        Assert.InRange(results[alert].Expected, 0.15, 0.25);
    }

    [Fact]
    public void AllNegativeMentionsBelowTheMinimumVolumeAreIgnored()
    {
        // 0.3 mentions a bucket: under four an hour, too few to call a shift however negative they are.
        var results = Run(OneDay + 24, 0.3, 0.2, 1.0, OneDay);

        Assert.Empty(AlertBuckets(results));
    }

    [Fact]
    public void ALowVolumeBrandTurningNegativeIsAlertedOnTheHourScale()
    {
        // Two mentions a bucket: no single bucket is enough, the hour is.
        var results = Run(OneDay + 24, 2, 0.2, 1.0, OneDay);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, OneDay + 1, OneDay + 12);
    }

    [Fact]
    public void ASignificantButTinyShiftOfALargeBrandIsNotAlerted()
    {
        var results = Run(OneDay + 48, 5000, 0.2, 0.25, OneDay);

        Assert.Empty(AlertBuckets(results));
    }

    [Fact]
    public void MoreNegativesThanMentionsAreRejected()
    {
        var detector = new ShareShiftDetector(DetectorSettings.Default);

        Assert.Throws<ArgumentOutOfRangeException>(() => detector.Observe(Start, 3, 2));
    }
}
