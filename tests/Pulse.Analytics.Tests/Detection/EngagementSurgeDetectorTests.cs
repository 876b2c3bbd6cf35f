using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

public sealed class EngagementSurgeDetectorTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private const int TwoDays = 576;

    private static DetectorResult[] Run(Func<int, double> meanShares, int buckets)
    {
        var detector = new EngagementSurgeDetector(DetectorSettings.Default);
        var random = new Random(11);
        var results = new DetectorResult[buckets];
        for (var i = 0; i < buckets; i++)
        {
            results[i] = detector.Observe(Start + (FiveMinutes * i), Poisson(random, meanShares(i)), Poisson(random, 10));
        }

        return results;
    }

    [Fact]
    public void ASurgeOfSharesIsAlertedAsViral()
    {
        var results = Run(i => i >= TwoDays ? 300 : 10, TwoDays + 12);

        var alert = Assert.Single(AlertBuckets(results));
        Assert.InRange(alert, TwoDays, TwoDays + 2);
        Assert.Equal(AnomalyKind.Viral, results[alert].Kind);
    }

    [Fact]
    public void EngagementFallingSilentIsNoAlert()
    {
        var results = Run(i => i >= TwoDays ? 0 : 40, TwoDays + 36);

        Assert.Empty(AlertBuckets(results));
    }
}
