using Pulse.Grains.Alerts;

namespace Pulse.Grains.Tests;

/// <summary>One incident, one alert; the team workflow open → acknowledged → resolved.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BrandAlertsTests(ClusterFixture fixture)
{
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);

    [Fact]
    public async Task Signals_of_one_kind_from_several_channels_merge_into_one_escalating_alert()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-merge");
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("alerts-merge", "x", AlertKind.Spike, severity: 3, at));
        await alerts.SignalAsync(Signal("alerts-merge", "reddit", AlertKind.Spike, severity: 6, at.AddSeconds(10)));

        var alert = Assert.Single(await alerts.ListAsync(null, null));
        Assert.Equal(["x", "reddit"], alert.Channels);
        Assert.Equal(6, alert.Severity);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Contains(alert.History, h => h.Action == "escalate");
    }

    [Fact]
    public async Task Merged_terms_list_a_term_once_whatever_its_spelling_with_the_latest_signals_figures()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-terms");
        var at = DateTimeOffset.UtcNow;
        AlertWhy Why(params TermLift[] terms) => NoWhy with { Terms = terms };

        await alerts.SignalAsync(Signal("alerts-terms", "x", AlertKind.Spike, 3, at) with { Why = Why(new TermLift("Stellwerksstörung", 12, 9), new TermLift("#Bahnchaos", 5, 4)) });
        await alerts.SignalAsync(Signal("alerts-terms", "reddit", AlertKind.Spike, 4, at.AddSeconds(5)) with { Why = Why(new TermLift("stellwerksstoerung", 6, 3)) });

        var terms = Assert.Single(await alerts.ListAsync(null, null)).Why.Terms;
        Assert.Equal([("#Bahnchaos", 4.0), ("stellwerksstoerung", 3.0)], terms.Select(t => (t.Term, t.Lift)));
    }

    [Fact]
    public async Task A_different_kind_is_a_different_alert()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-kinds");
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("alerts-kinds", "x", AlertKind.Spike, 3, at));
        await alerts.SignalAsync(Signal("alerts-kinds", "x", AlertKind.NegativeShift, 3, at));

        Assert.Equal(2, (await alerts.ListAsync(null, null)).Length);
    }

    [Fact]
    public async Task Acknowledging_records_who_when_and_why_and_resolving_closes_it()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-flow");
        await alerts.SignalAsync(Signal("alerts-flow", "news", AlertKind.Spike, 4, DateTimeOffset.UtcNow));
        var id = (await alerts.ListAsync(null, null))[0].Id;

        var acked = await alerts.AcknowledgeAsync(id, "anna", "press office informed");
        var resolved = await alerts.ResolveAsync(id, "ben", null);

        Assert.Equal(AlertState.Acknowledged, acked!.State);
        Assert.Equal(("acknowledge", "anna", "press office informed"), (acked.History[^1].Action, acked.History[^1].By, acked.History[^1].Note));
        Assert.Equal(AlertState.Resolved, resolved!.State);
        Assert.Empty(await alerts.ListAsync(AlertState.Open, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => alerts.AcknowledgeAsync(id, "carl", null));
    }

    [Fact]
    public async Task A_signal_after_the_incident_was_resolved_opens_a_new_alert()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-reopen");
        var at = DateTimeOffset.UtcNow;
        await alerts.SignalAsync(Signal("alerts-reopen", "x", AlertKind.Spike, 3, at));
        await alerts.ResolveAsync((await alerts.ListAsync(null, null))[0].Id, "anna", null);

        await alerts.SignalAsync(Signal("alerts-reopen", "x", AlertKind.Spike, 3, at.AddMinutes(1)));

        Assert.Single(await alerts.ListAsync(AlertState.Open, null));
        Assert.Equal(2, (await alerts.ListAsync(null, null)).Length);
    }

    [Fact]
    public async Task Unknown_alert_ids_are_not_found()
    {
        Assert.Null(await fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-none").AcknowledgeAsync("alerts-none:99", "anna", null));
    }

    private static AlertSignal Signal(string brand, string channel, AlertKind kind, int severity, DateTimeOffset at) =>
        new(brand, channel, kind, severity, at, 50, 10, NoWhy);
}
