using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;

namespace Pulse.Benchmarks.Windows;

/// <summary>
/// The rolling windows of one (brand, channel) with the default layout (1 s / 1 min / 15 min).
/// Add: 1 000 mentions per invoke, 20 ms apart, so the finest window keeps rotating buckets as in a live grain;
/// time is per mention. Sum: a 5-minute sum (answered by the 1-minute window) over windows filled for two hours.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class MultiResolutionWindowsBenchmarks
{
    private const int MentionsPerInvoke = 1_000;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private readonly MentionObservation[] _template = new MentionObservation[MentionsPerInvoke];
    private MultiResolutionWindows _adding = null!;
    private MultiResolutionWindows _filled = null!;
    private DateTimeOffset _clock;
    private DateTimeOffset _filledNow;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (int i = 0; i < _template.Length; i++)
        {
            float sentiment = (float)(random.NextDouble() * 2 - 1);
            var label = sentiment > 0.05f ? SentimentLabel.Positive : sentiment < -0.05f ? SentimentLabel.Negative : SentimentLabel.Neutral;
            _template[i] = new MentionObservation(default, sentiment, label, random.Next(50), random.Next(10), random.Next(5), random.Next(5_000));
        }

        _adding = new MultiResolutionWindows(WindowLayout.Default);
        _clock = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        _filled = new MultiResolutionWindows(WindowLayout.Default);
        var t = _clock;
        for (int i = 0; i < 2 * 60 * 60; i++)
        {
            var m = _template[i % _template.Length] with { Timestamp = t };
            _filled.Add(in m);
            t += TimeSpan.FromSeconds(1);
        }

        _filledNow = t;
    }

    [Benchmark(Description = "Add one mention (default layout, advancing time)", OperationsPerInvoke = MentionsPerInvoke)]
    public int Add()
    {
        int accepted = 0;
        var t = _clock;
        for (int i = 0; i < _template.Length; i++)
        {
            var m = _template[i] with { Timestamp = t };
            if (_adding.Add(in m))
            {
                accepted++;
            }

            t += Step;
        }

        _clock = t;
        return accepted;
    }

    [Benchmark(Description = "Sum the last 5 minutes")]
    public Bucket Sum5Minutes() => _filled.Sum(_filledNow, FiveMinutes);
}
