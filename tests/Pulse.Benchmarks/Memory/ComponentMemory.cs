using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Incidents;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Benchmarks.Memory;

/// <summary>
/// The parts of a (brand, channel) grain measured one at a time, outside Orleans: that many instances of each with the
/// same load as the grain run (same generator and seed), heap before and after. What the grain run measures beyond
/// their sum is the activation itself (Orleans' bookkeeping, the grain object, its persistent-state bridge and timer).
/// </summary>
internal static class ComponentMemory
{
    public static void Run(int count)
    {
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var loads = Loads(count, now);
        Console.WriteLine($"components, {count:N0} instances each, busy (1-5 mentions in the last 30 s):");
        var total = 0.0;
        total += Report("windows (MultiResolutionWindows)", count, i => Windows(loads[i]));
        // One clock for all, as the grains share the silo's TimeProvider: a clock each would be counted as theirs.
        var clock = new FakeTimeProvider(now);
        total += Report("de-duplication (RecentMentionIds)", count, i => Seen(loads[i], clock));
        total += Report("live feed + top 5 (with the mentions they keep)", count, i => Feed(Copy(loads[i]), now));
        total += Report("rising terms (RisingTerms)", count, i => Terms(loads[i]));
        total += Report("detection (LiveDetection)", count, i => Detection(now));
        Console.WriteLine($"  {"sum",-50} {total,8:F0}");

        // The same load, then an hour without mentions, with what the grain's timer does in that hour.
        var later = now.AddHours(1);
        Console.WriteLine($"components after an hour without mentions:");
        total = 0;
        total += Report("windows, trimmed", count, i => Trimmed(Windows(loads[i]), later));
        total += Report("de-duplication, expired", count, i => Expired(loads[i], clock));
        total += Report("live feed + top 5 (unchanged)", count, i => Feed(Copy(loads[i]), now));
        total += Report("rising terms (unchanged)", count, i => Terms(loads[i]));
        total += Report("detection, an hour of 5 s buckets observed", count / 10, i => Observed(loads[i], now, later));
        Console.WriteLine($"  {"sum",-50} {total,8:F0}");
    }

    private static MultiResolutionWindows Trimmed(MultiResolutionWindows windows, DateTimeOffset now)
    {
        windows.Trim(now);
        return windows;
    }

    // Each instance counts its generations from its own construction, so advancing the shared clock ages only this one's.
    private static RecentMentionIds Expired(ScoredMention[] load, FakeTimeProvider clock)
    {
        var seen = Seen(load, clock);
        clock.Advance(TimeSpan.FromHours(1));
        seen.Expire();
        return seen;
    }

    private static LiveDetection Observed(ScoredMention[] load, DateTimeOffset now, DateTimeOffset later)
    {
        var windows = Windows(load);
        var detection = Detection(now.AddMinutes(-1));
        var alerts = new List<(AnomalyKind, DetectorResult, Bucket)>();
        for (var at = now; at <= later; at += TimeSpan.FromSeconds(5))
        {
            detection.Advance(at, windows.Windows[0], alerts);
        }

        return detection;
    }

    private static double Report(string name, int count, Func<int, object> make)
    {
        var kept = new object[count];
        var before = HeapMeasure.LiveBytes();
        for (var i = 0; i < count; i++)
        {
            kept[i] = make(i);
        }

        var after = HeapMeasure.LiveBytes();
        GC.KeepAlive(kept);
        var each = (after - before) / (double)count;
        Console.WriteLine($"  {name,-50} {each,8:F0}");
        return each;
    }

    private static ScoredMention[][] Loads(int count, DateTimeOffset now)
    {
        var mentions = new SyntheticMentions(seed: 42);
        var loads = new ScoredMention[count][];
        for (var i = 0; i < count; i++)
        {
            loads[i] = mentions.For($"brand-{i / 8:D6}", Pulse.Grains.ChannelOptions.Defaults[i % 8], now, TimeSpan.FromSeconds(30));
        }

        return loads;
    }

    // Fresh copies of the mentions' strings, as in the grain, where nothing else holds them (the feed keeps compact copies
    // since, so the records and strings it is given are garbage by the time the heap is measured).
    private static ScoredMention[] Copy(ScoredMention[] load) =>
        [.. load.Select(s => s with { Mention = s.Mention with { Id = new string(s.Mention.Id), Text = new string(s.Mention.Text), Author = Fresh(s.Mention.Author), Url = Fresh(s.Mention.Url), Lang = Fresh(s.Mention.Lang) } })];

    private static string? Fresh(string? s) => s is null ? null : new string(s);

    private static MultiResolutionWindows Windows(ScoredMention[] load)
    {
        var windows = new MultiResolutionWindows(WindowLayout.Default);
        foreach (var s in load)
        {
            windows.Add(new MentionObservation(s.Mention.Timestamp, s.Sentiment, s.Label, s.Mention.Likes, s.Mention.Shares, s.Mention.Comments, s.Mention.Reach));
        }

        return windows;
    }

    private static RecentMentionIds Seen(ScoredMention[] load, TimeProvider clock)
    {
        var seen = new RecentMentionIds(TimeSpan.FromHours(1), clock);
        foreach (var s in load)
        {
            seen.TryAdd(s.Mention.Id);
        }

        return seen;
    }

    private static (LatestMentions, TopRecentMentions) Feed(ScoredMention[] load, DateTimeOffset now)
    {
        var latest = new LatestMentions(20);
        var top = new TopRecentMentions(5, TimeSpan.FromMinutes(5));
        foreach (var s in load)
        {
            var entry = FeedEntry.From(s); // as the grain does: one compact entry shared by both
            latest.Add(entry);
            top.Add(entry, now);
        }

        return (latest, top);
    }

    private static RisingTerms Terms(ScoredMention[] load)
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        foreach (var s in load)
        {
            terms.Observe(s.Mention.Text, s.Mention.Timestamp);
        }

        return terms;
    }

    private static LiveDetection Detection(DateTimeOffset now) => new(new AlertOptions().WithSensitivity(Sensitivity.Normal), now);
}
