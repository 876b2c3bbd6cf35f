using Pulse.Grains.Alerts;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>How signals become incidents, without a cluster: facets, the leading kind, severity and escalation.</summary>
public sealed class AlertIncidentsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);

    [Fact]
    public void The_leading_kind_stays_the_first_even_when_a_later_facet_is_more_severe()
    {
        var alert = AlertIncidents.Open("acme:1", "Acme", Signal(AlertKind.NegativeShift, "x", 2, At, 0.5, 0.1));

        var joined = AlertIncidents.Join(alert, Signal(AlertKind.Spike, "x", 6, At.AddSeconds(5), 200, 20), out var escalation);

        Assert.Equal((AlertKind.NegativeShift, 6, 0.5, 0.1), (joined.Kind, joined.Severity, joined.Value, joined.Expected));
        Assert.Equal("spike joined, severity 2 → 6", escalation);
        Assert.StartsWith("Negative share on x rose to 50 % from 10 %.", joined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stronger_signal_of_a_facet_escalates_and_updates_only_that_facet()
    {
        var alert = AlertIncidents.Open("acme:1", "Acme", Signal(AlertKind.Spike, "x", 3, At, 60, 15));
        alert = AlertIncidents.Join(alert, Signal(AlertKind.NegativeShift, "x", 3, At.AddSeconds(5), 0.5, 0.1), out _);

        var joined = AlertIncidents.Join(alert, Signal(AlertKind.Spike, "news", 5, At.AddSeconds(10), 300, 15), out var escalation);

        Assert.Equal("severity 3 → 5", escalation);
        Assert.Equal((5, 300.0, At, At.AddSeconds(10)), (joined.Facets![0].Severity, joined.Facets[0].Value, joined.Facets[0].FirstSeen, joined.Facets[0].LastSeen));
        Assert.Equal(["x", "news"], joined.Facets[0].Channels);
        Assert.Equal((3, 0.5), (joined.Facets[1].Severity, joined.Facets[1].Value));
        Assert.Equal((5, 300.0), (joined.Severity, joined.Value));
    }

    [Fact]
    public void A_weaker_signal_of_a_facet_keeps_its_worst_severity_and_does_not_escalate()
    {
        var alert = AlertIncidents.Open("acme:1", "Acme", Signal(AlertKind.Spike, "x", 5, At, 300, 15));

        var joined = AlertIncidents.Join(alert, Signal(AlertKind.Spike, "x", 3, At.AddSeconds(5), 90, 15), out var escalation);

        Assert.Null(escalation);
        Assert.Equal((5, 90.0), (Assert.Single(joined.Facets!).Severity, joined.Facets![0].Value));
    }

    [Fact]
    public void An_alert_stored_before_facets_joins_a_new_kind_as_its_second_facet()
    {
        var stored = AlertIncidents.Open("acme:1", "Acme", Signal(AlertKind.Spike, "x", 4, At, 80, 10)) with { Facets = null, UpdatedAt = At.AddSeconds(30) };

        var joined = AlertIncidents.Join(stored, Signal(AlertKind.Viral, "x", 4, At.AddMinutes(1), 20_000, 800), out var escalation);

        Assert.Equal("viral joined", escalation);
        Assert.Equal([(AlertKind.Spike, At, At.AddSeconds(30)), (AlertKind.Viral, At.AddMinutes(1), At.AddMinutes(1))], joined.Facets!.Select(f => (f.Kind, f.FirstSeen, f.LastSeen)));
        Assert.Equal(AlertKind.Spike, joined.Kind);
    }

    private static AlertSignal Signal(AlertKind kind, string channel, int severity, DateTimeOffset at, double value, double expected) =>
        new("acme", channel, kind, severity, at, value, expected, NoWhy);
}
