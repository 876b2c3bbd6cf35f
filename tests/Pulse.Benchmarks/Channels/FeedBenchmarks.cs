using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Benchmarks.Memory;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Benchmarks.Channels;

/// <summary>
/// The live feed (20) and the top posts (5 over 5 minutes) as a (brand, channel) grain keeps them for every recorded
/// mention: Add is per mention (1 000 per invoke, 50 ms apart), with the one compact <see cref="FeedEntry"/> the grain
/// makes for both; Newest is one snapshot's read of the 10 newest.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FeedBenchmarks
{
    private const int MentionsPerInvoke = 1_000;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private readonly ScoredMention[] _mentions = new ScoredMention[MentionsPerInvoke];
    private LatestMentions _latest = null!;
    private TopRecentMentions _top = null!;
    private DateTimeOffset _clock;

    [GlobalSetup]
    public void Setup()
    {
        var mentions = new SyntheticMentions(seed: 5);
        _clock = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < _mentions.Length; i++)
        {
            _mentions[i] = mentions.One("acme", "x", _clock);
        }

        _latest = new LatestMentions(20);
        _top = new TopRecentMentions(5, TimeSpan.FromMinutes(5));
        Add();
    }

    [Benchmark(OperationsPerInvoke = MentionsPerInvoke)]
    public void Add()
    {
        foreach (var mention in _mentions)
        {
            var entry = FeedEntry.From(mention);
            _latest.Add(entry);
            _top.Add(entry, _clock);
            _clock += Step;
        }
    }

    [Benchmark]
    public int Newest() => _latest.Newest(10).Length;
}
