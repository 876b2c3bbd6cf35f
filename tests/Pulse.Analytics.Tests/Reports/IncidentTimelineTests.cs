using Pulse.Analytics.Reports;

namespace Pulse.Analytics.Tests.Reports;

public sealed class IncidentTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_spike_starts_where_the_rate_left_its_normal_range_before_the_alert()
    {
        // Two per minute for four hours, then a window where minute 40 jumps to 20 per minute; alerted at minute 52.
        var baseline = Enumerable.Range(0, 240).Select(m => new TimeBucket(T0.AddMinutes(m), 2, 0)).ToArray();
        var windowStart = T0.AddHours(4);
        var window = Enumerable.Range(0, 53).Select(m => new TimeBucket(windowStart.AddMinutes(m), m >= 40 ? 20 : 2, 0)).ToArray();

        var start = IncidentTimeline.SpikeStart(window, baseline, TimeSpan.FromHours(4), windowStart.AddMinutes(52));

        Assert.Equal(windowStart.AddMinutes(40), start);
    }

    [Fact]
    public void A_window_never_normal_gives_its_first_minute_and_an_empty_one_nothing()
    {
        var baseline = new[] { new TimeBucket(T0, 60, 0) };
        var window = Enumerable.Range(0, 30).Select(m => new TimeBucket(T0.AddHours(1).AddMinutes(m), 50, 0)).ToArray();

        Assert.Equal(T0.AddHours(1), IncidentTimeline.SpikeStart(window, baseline, TimeSpan.FromHours(1), T0.AddHours(2)));
        Assert.Null(IncidentTimeline.SpikeStart([], baseline, TimeSpan.FromHours(1), T0.AddHours(2)));
    }

    [Fact]
    public void Sentiment_recovers_at_the_first_hour_back_near_its_baseline_after_a_dip()
    {
        var start = T0.AddHours(24);
        var hours = Enumerable.Range(0, 24).Select(h => new TimeBucket(T0.AddHours(h), 100, 100 * (0.2 + (h % 2 == 0 ? 0.01 : -0.01))))
            .Concat(Enumerable.Range(0, 3).Select(h => new TimeBucket(start.AddHours(h), 300, 300 * -0.4)))
            .Append(new TimeBucket(start.AddHours(3), 100, 100 * 0.19))
            .ToArray();

        Assert.Equal(TimeSpan.FromHours(3), IncidentTimeline.SentimentRecovery(hours, start));
    }

    [Fact]
    public void No_dip_or_no_recovery_yet_gives_no_recovery_time()
    {
        var start = T0.AddHours(24);
        var calm = Enumerable.Range(0, 30).Select(h => new TimeBucket(T0.AddHours(h), 100, 20)).ToArray();
        var stillDown = calm.Take(24).Concat(Enumerable.Range(0, 5).Select(h => new TimeBucket(start.AddHours(h), 100, -50))).ToArray();

        Assert.Null(IncidentTimeline.SentimentRecovery(calm, start));
        Assert.Null(IncidentTimeline.SentimentRecovery(stillDown, start));
    }

    [Fact]
    public void Lift_compares_after_with_before_and_has_no_ratio_from_nothing()
    {
        var lift = PeriodLift.Between(new PeriodTotals(100, 0.1, 400), new PeriodTotals(150, -0.2, 400));

        Assert.Equal(0.5, lift.Mentions!.Value, 6);
        Assert.Equal(0, lift.Engagement!.Value, 6);
        Assert.Equal(-0.3, lift.Sentiment!.Value, 6);
        Assert.Null(PeriodLift.Between(new PeriodTotals(0, null, 0), new PeriodTotals(5, 0, 1)).Mentions);
    }
}
