using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Incidents;
using Pulse.Analytics.Tests.Incidents;
using Pulse.Benchmarks.Memory;

namespace Pulse.Benchmarks.Incidents;

/// <summary>
/// <see cref="RisingTerms.Observe"/> as a (brand, channel) grain calls it for every recorded mention: 1 000 posts per
/// invoke (the grain-memory harness's synthetic texts, mean ≈ 130 characters), 50 ms apart. The instance is filled to its
/// 128-term capacity first, so the steady state (lookups, evictions) is what is timed. Time is per post. The *Before
/// methods time the implementation it replaced (strings in a Dictionary, four arrays; a copy kept for the tests) under
/// the same load, as the baseline.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class RisingTermsBenchmarks
{
    private const int PostsPerInvoke = 1_000;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private readonly string[] _texts = new string[PostsPerInvoke];
    private RisingTerms _terms = null!;
    private ReferenceRisingTerms _before = null!;
    private DateTimeOffset _clock;
    private DateTimeOffset _beforeClock;

    [GlobalSetup]
    public void Setup()
    {
        var mentions = new SyntheticMentions(seed: 11);
        _clock = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < _texts.Length; i++)
        {
            _texts[i] = mentions.One("acme", "x", _clock).Mention.Text;
        }

        _beforeClock = _clock;
        _terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        _before = new ReferenceRisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        for (var i = 0; i < 5; i++)
        {
            Observe();
            ObserveBefore();
        }
    }

    [Benchmark(OperationsPerInvoke = PostsPerInvoke)]
    public void ObserveBefore()
    {
        foreach (var text in _texts)
        {
            _before.Observe(text, _beforeClock);
            _beforeClock += Step;
        }
    }

    [Benchmark(OperationsPerInvoke = PostsPerInvoke)]
    public void Observe()
    {
        foreach (var text in _texts)
        {
            _terms.Observe(text, _clock);
            _clock += Step;
        }
    }

    [Benchmark]
    public int Top() => _terms.Top(8, _clock).Count;

    [Benchmark]
    public int TopBefore() => _before.Top(8, _beforeClock).Count;
}
