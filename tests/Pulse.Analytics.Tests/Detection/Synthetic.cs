using Pulse.Testing;
using Pulse.Analytics.Detection;

namespace Pulse.Analytics.Tests.Detection;

/// <summary>Seeded synthetic count series for detector specifications.</summary>
internal static class Synthetic
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static int Poisson(Random random, double mean) => PoissonDraw.Next(random, mean);

    /// <summary>Feeds buckets 0..count-1 with Poisson counts of mean <paramref name="mean"/>(bucket index); returns the results.</summary>
    public static DetectorResult[] Run(VolumeAnomalyDetector detector, int count, Func<int, double> mean, int seed = 7)
    {
        var random = new Random(seed);
        var results = new DetectorResult[count];
        var size = detector.Settings.BucketSize;
        for (var i = 0; i < count; i++)
        {
            results[i] = detector.Observe(Start + (size * i), Poisson(random, mean(i)));
        }

        return results;
    }

    public static int[] AlertBuckets(DetectorResult[] results)
    {
        var alerts = new List<int>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Alert)
            {
                alerts.Add(i);
            }
        }

        return [.. alerts];
    }

    public static int BucketsIn(TimeSpan span, TimeSpan bucketSize) => (int)(span / bucketSize);
}
