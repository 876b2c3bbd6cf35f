using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;

namespace Pulse.Grains.Tests.Channels;

/// <summary>Live detection on one (brand, channel), and the explanation its alerts carry.</summary>
public sealed class ChannelDetectionTests
{
    private const string Calm = "Bahn pünktlich, schönes Wetter";
    private const string Crisis = "Wieder Stellwerksstörung in Hamburg, nichts geht";
    private const string CrisisTyped = "wieder stellwerksstoerung in hamburg, nichts geht"; // as typed without umlauts

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ChannelState _state;
    private int _posted;

    public ChannelDetectionTests()
    {
        _state = new ChannelState(ChannelMentions.Key, new ChannelWindowOptions(), _clock);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void A_burst_after_a_calm_baseline_is_a_spike_signal_explained_by_its_terms_as_people_wrote_them()
    {
        var detection = Started(Sensitivity.Normal);

        var calm = Run(detection, TimeSpan.FromMinutes(6), perSecond: 1, Calm);
        var burst = Run(detection, TimeSpan.FromSeconds(20), perSecond: 40, Crisis, CrisisTyped);

        Assert.Empty(calm);
        var spike = burst.First(s => s.Kind == AlertKind.Spike);
        Assert.Equal((ChannelMentions.Key.BrandId, ChannelMentions.Key.Channel), (spike.BrandId, spike.Channel));
        Assert.True(spike.Value > 10 * spike.Expected, $"{spike.Value} vs {spike.Expected}");
        var terms = spike.Why.Terms.Select(t => t.Term).ToList();
        Assert.Contains("Stellwerksstörung", terms);
        Assert.DoesNotContain("stellwerksstoerung", terms); // one term, counted folded, shown as most wrote it
        Assert.Contains("Hamburg", terms);
    }

    [Fact]
    public void The_explanation_holds_the_rising_terms_top_posts_and_the_last_minutes_mood_and_count()
    {
        Run(Started(Sensitivity.Normal), TimeSpan.FromMinutes(5), perSecond: 1, Calm);
        _state.Apply(ChannelMentions.Many("crisis", 30, Now, Crisis, SentimentLabel.Negative), null, Now);

        var why = ChannelDetection.Explain(_state, Now);

        Assert.Equal("Stellwerksstörung", why.Terms.Select(t => t.Term).First(t => t.StartsWith("Stell", StringComparison.Ordinal)));
        Assert.All(why.Terms, t => Assert.True(t.Lift > 1.5 && t.Count >= 3, $"{t.Term}: {t.Count} × {t.Lift}"));
        Assert.Equal(["crisis-29", "crisis-28", "crisis-27", "crisis-26", "crisis-25"], why.TopMentions.Select(m => m.Id));
        Assert.Equal(30, why.Sentiment.Negative);
        Assert.Equal(30 + 60, why.Sentiment.Positive + why.Sentiment.Neutral + why.Sentiment.Negative);
        Assert.Equal(new ChannelCount("x", 90), Assert.Single(why.Channels));
    }

    [Fact]
    public void A_new_sensitivity_restarts_detection_and_its_warm_up_and_the_same_one_does_not()
    {
        var same = Started(Sensitivity.Normal);
        var changed = Started(Sensitivity.Normal);
        Run([same, changed], TimeSpan.FromMinutes(6), perSecond: 1, Calm);

        same.UseSensitivity(Sensitivity.Normal, Now);
        changed.UseSensitivity(Sensitivity.High, Now);
        var signals = Run([same, changed], TimeSpan.FromSeconds(20), perSecond: 40, Crisis);

        Assert.Contains(signals[0], s => s.Kind == AlertKind.Spike);
        Assert.Empty(signals[1]); // still warming up: another sensitivity's thresholds do not fit the old state
    }

    [Fact]
    public void Detection_starts_with_a_sensitivity()
    {
        Assert.Throws<InvalidOperationException>(() => new ChannelDetection(new AlertOptions(), NullLogger.Instance).Detect(_state, Now));
    }

    private ChannelDetection Started(Sensitivity? sensitivity)
    {
        var detection = new ChannelDetection(new AlertOptions(), NullLogger.Instance);
        detection.UseSensitivity(sensitivity, Now);
        return detection;
    }

    private List<AlertSignal> Run(ChannelDetection detection, TimeSpan duration, int perSecond, params string[] texts) =>
        Run([detection], duration, perSecond, texts)[0];

    // Second by second, as the grain's tick: the second's mentions, then detection.
    private List<AlertSignal>[] Run(ChannelDetection[] detections, TimeSpan duration, int perSecond, params string[] texts)
    {
        var signals = detections.Select(_ => new List<AlertSignal>()).ToArray();
        for (var end = Now + duration; Now < end;)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var batch = Enumerable.Range(0, perSecond).Select(i => ChannelMentions.One($"m{_posted++}", Now, texts[i % 4 == 3 ? texts.Length - 1 : 0])).ToArray();
            _state.Apply(batch, null, Now);
            for (var i = 0; i < detections.Length; i++)
            {
                signals[i].AddRange(detections[i].Detect(_state, Now));
            }
        }

        return signals;
    }
}
