using Pulse.Analytics.Detection;
using Pulse.Analytics.Matching;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Demo;

/// <summary>
/// "Never noisy": an hour of demo traffic without injected incidents, replayed second by second through the
/// real matcher, scorer, windows and live detection, raises at most one alert per brand.
/// </summary>
public sealed class DemoQuietHourTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void An_hour_without_incidents_raises_at_most_one_alert_per_brand(int seed)
    {
        var scenario = new DemoScenario(DemoFixture.Brands, new DemoOptions { Seed = seed, FirstCrisisDelay = TimeSpan.FromHours(2) }, Start);

        var (incidents, _, pairs) = Replay(scenario, TimeSpan.FromHours(1));

        Assert.True(pairs >= DemoFixture.Brands.Count * 6, $"the replay reached only {pairs} (brand, channel) pairs");
        var perBrand = incidents.GroupBy(i => i.Brand).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(perBrand, p => Assert.True(p.Value.Count <= 1, $"{p.Key}: {string.Join(", ", p.Value.Select(i => $"{i.Kind} at {i.At:HH:mm:ss}"))}"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_demo_crisis_is_alerted_as_a_spike_within_15_seconds_of_its_start()
    {
        var scenario = new DemoScenario(DemoFixture.Brands, new DemoOptions { Seed = 11 }, Start);
        var crisis = scenario.CrisesStartingIn(Start, Start.AddHours(1))[0];

        var (incidents, signals, _) = Replay(scenario, crisis.Start - Start + TimeSpan.FromSeconds(30));

        var spike = signals.FirstOrDefault(i => i.Brand == crisis.BrandId && i.Kind == AnomalyKind.Spike && i.At >= crisis.Start);
        Assert.True(spike.Brand is not null, $"no spike alert for {crisis.BrandId}'s crisis at {crisis.Start:HH:mm:ss}");
        Assert.InRange(spike.At - crisis.Start, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(incidents, i => i.At < crisis.Start);
        Assert.Single(incidents, i => i.Brand == crisis.BrandId); // its spike, negative shift and viral post are one alert
    }

    /// <summary>The alerts the brands' alert books would hold (each incident as its first signal) and every signal, oldest first.</summary>
    private static (List<(string Brand, AnomalyKind Kind, DateTimeOffset At)> Incidents, List<(string Brand, AnomalyKind Kind, DateTimeOffset At)> Signals, int Pairs) Replay(
        DemoScenario scenario, TimeSpan duration)
    {
        var start = scenario.Start;
        var matcher = new BrandMatcher(DemoFixture.Brands.Select(b => new BrandQuery(b.Id, b.Keywords, b.Hashtags, b.Handles, b.Query, b.Exclude, b.ExcludeAuthors)));
        var scorer = new LexiconSentimentScorer();
        var options = new AlertOptions();
        var channels = new Dictionary<(string Brand, string Channel), (MultiResolutionWindows Windows, LiveDetection Detection)>();
        var detections = new List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)>();
        var incidents = new List<(string Brand, AnomalyKind Kind, DateTimeOffset At)>();
        var signals = new List<(string Brand, AnomalyKind Kind, DateTimeOffset At)>();
        var matched = new List<string>();

        for (var t = start; t < start + duration; t += Second)
        {
            foreach (var mention in scenario.Generate(t, t + Second))
            {
                matched.Clear();
                matcher.Match(mention.Text, mention.Author, matched);
                var sentiment = scorer.Score(mention.Text);
                foreach (var brand in matched)
                {
                    if (!channels.TryGetValue((brand, mention.Channel), out var state))
                    {
                        channels[(brand, mention.Channel)] = state = (new MultiResolutionWindows(WindowLayout.Default), new LiveDetection(options, t));
                    }

                    state.Windows.Add(new MentionObservation(mention.Timestamp, sentiment.Score, sentiment.Label, mention.Likes, mention.Shares, mention.Comments, mention.Reach));
                }
            }

            foreach (var ((brand, _), state) in channels)
            {
                detections.Clear();
                state.Detection.Advance(t + Second, state.Windows.Windows[0], detections);
                foreach (var (kind, _, _) in detections)
                {
                    // One incident, one alert: as the brand's alert book joins a signal of any kind to an incident whose
                    // last signal is within the merge window.
                    var at = t + Second;
                    if (!signals.Any(i => i.Brand == brand && at - i.At <= options.MergeWindow))
                    {
                        incidents.Add((brand, kind, at));
                    }

                    signals.Add((brand, kind, at));
                }
            }
        }

        return (incidents, signals, channels.Count);
    }
}
