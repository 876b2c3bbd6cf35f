using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Testing;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>The volume detector at the grains' live settings (5-second buckets, the shipped AlertOptions defaults).</summary>
public sealed class LiveVolumeDetectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Feeds Poisson counts at <paramref name="perMinute"/>(minute) and returns the alerts the grains would raise.</summary>
    private static List<(int Bucket, DetectorResult Result)> Alerts(AlertOptions options, int minutes, Func<double, double> perMinute, int seed)
    {
        var settings = options.LiveSettings();
        var detector = new VolumeAnomalyDetector(settings);
        var random = new Random(seed);
        var perBucket = settings.BucketSize / TimeSpan.FromMinutes(1);
        var buckets = (int)(TimeSpan.FromMinutes(minutes) / settings.BucketSize);
        var alerts = new List<(int, DetectorResult)>();
        for (var i = 0; i < buckets; i++)
        {
            var minute = i * perBucket;
            var result = detector.Observe(Start + (settings.BucketSize * i), PoissonDraw.Next(random, perMinute(minute) * perBucket));
            if (result.Alert && result.Severity >= options.MinimumSeverity)
            {
                alerts.Add((i, result));
            }
        }

        return alerts;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_tenfold_burst_on_a_brand_with_three_mentions_a_minute_is_alerted(int seed)
    {
        // 30 calm minutes, then 30 mentions a minute for ten minutes.
        var alerts = Alerts(new AlertOptions(), 40, m => m >= 30 ? 30 : 3, seed);

        var first = alerts[0];
        Assert.True(first.Result.Opens, "the first alert opens the incident");
        var burstStart = (int)(TimeSpan.FromMinutes(30) / TimeSpan.FromSeconds(5));
        // Within five minutes: at 5-second buckets one bucket of it is never significant, so the hour scale decides.
        Assert.InRange(first.Bucket, burstStart, burstStart + 60);
        Assert.Equal(AnomalyKind.Spike, first.Result.Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_hour_of_Poisson_noise_at_a_thousand_mentions_a_minute_raises_no_alert(int seed)
    {
        var alerts = Alerts(new AlertOptions(), 60, _ => 1000, seed);

        Assert.Empty(alerts);
    }
}
