using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Detection;

namespace Pulse.Benchmarks.Detection;

/// <summary>
/// One volume detector (default settings: 5-minute buckets) observing a Poisson-like series with a daily cycle and
/// an occasional burst, 1 000 buckets per invoke; time is per bucket. The detector is warmed up in setup and keeps
/// running across invocations, so its seasonal baseline and recent-peak memory are those of a live grain.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class VolumeAnomalyDetectorBenchmarks
{
    private const int BucketsPerInvoke = 1_000;

    private readonly double[] _series = new double[BucketsPerInvoke];
    private VolumeAnomalyDetector _detector = null!;
    private DateTimeOffset _bucketStart;
    private TimeSpan _bucketSize;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        int perDay = (int)(TimeSpan.FromDays(1) / DetectorSettings.Default.BucketSize);
        for (int i = 0; i < _series.Length; i++)
        {
            double mean = 40 + 25 * Math.Sin(2 * Math.PI * i / perDay);
            if (i % 300 == 150)
            {
                mean *= 6; // a burst now and then, so the alert paths run too
            }

            _series[i] = Poisson(random, mean);
        }

        _detector = new VolumeAnomalyDetector(DetectorSettings.Default);
        _bucketSize = DetectorSettings.Default.BucketSize;
        _bucketStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int warm = 0; warm < 3; warm++)
        {
            ObserveSeries();
        }
    }

    [Benchmark(Description = "Observe one 5-minute bucket", OperationsPerInvoke = BucketsPerInvoke)]
    public int ObserveSeries()
    {
        int spikes = 0;
        var t = _bucketStart;
        for (int i = 0; i < _series.Length; i++)
        {
            if (_detector.Observe(t, _series[i]).Kind != AnomalyKind.None)
            {
                spikes++;
            }

            t += _bucketSize;
        }

        _bucketStart = t;
        return spikes;
    }

    /// <summary>Normal approximation of a Poisson count: good enough for the shape, and cheap.</summary>
    private static double Poisson(Random random, double mean)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * normal));
    }
}
