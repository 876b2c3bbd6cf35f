using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests;

/// <summary>One incident, one alert (its kinds are facets); the team workflow open → acknowledged → resolved.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BrandAlertsTests(ClusterFixture fixture)
{
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);
    private static readonly WebhookTarget Hook = new("http://127.0.0.1:9/hook", WebhookFormats.Json); // recorded, never reached

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
    public async Task A_crisis_as_spike_negative_shift_and_viral_within_the_window_is_one_alert_with_three_facets_that_escalates()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-crisis");
        await alerts.SetSettingsAsync(AlertSettings.Default with { Webhooks = [Hook] });
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("alerts-crisis", "x", AlertKind.Spike, 3, at) with { Value = 120, Expected = 15 });
        await alerts.SignalAsync(Signal("alerts-crisis", "reddit", AlertKind.NegativeShift, 3, at.AddSeconds(5)) with { Value = 0.6, Expected = 0.1 });
        await alerts.SignalAsync(Signal("alerts-crisis", "x", AlertKind.Viral, 7, at.AddSeconds(20)) with { Value = 40_000, Expected = 900 });

        var alert = Assert.Single(await alerts.ListAsync(null, null));
        var facets = alert.Facets!;
        Assert.Equal([AlertKind.Spike, AlertKind.NegativeShift, AlertKind.Viral], facets.Select(f => f.Kind));
        Assert.Equal((AlertKind.Spike, 120.0, 15.0), (alert.Kind, alert.Value, alert.Expected)); // the leading facet: the first
        Assert.Equal(7, alert.Severity); // the worst facet
        Assert.Equal(["x", "reddit"], alert.Channels);
        Assert.Equal(["reddit"], facets[1].Channels);
        Assert.Equal((3, 0.6, at.AddSeconds(5)), (facets[1].Severity, facets[1].Value, facets[1].FirstSeen));
        Assert.Equal(["negative-shift joined", "viral joined, severity 3 → 7"], alert.History.Where(h => h.Action == "escalate").Select(h => h.Note));
        Assert.Equal([WebhookEvents.Opened, WebhookEvents.Escalated], alert.Deliveries.Select(d => d.Event));
        Assert.Contains("negative share", alert.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Shares and comments", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_channel_of_a_facet_at_the_same_severity_updates_the_alert_without_escalating_it()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-spread");
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("alerts-spread", "x", AlertKind.NegativeShift, 4, at));
        await alerts.SignalAsync(Signal("alerts-spread", "news", AlertKind.NegativeShift, 4, at.AddSeconds(5)));

        var alert = Assert.Single(await alerts.ListAsync(null, null));
        Assert.Equal(["x", "news"], Assert.Single(alert.Facets!).Channels);
        Assert.DoesNotContain(alert.History, h => h.Action == "escalate");
        Assert.Equal(at.AddSeconds(5), alert.UpdatedAt);
    }

    [Fact]
    public async Task A_signal_after_the_merge_window_opens_a_new_alert()
    {
        var alerts = fixture.Grains.GetGrain<IBrandAlertsGrain>("alerts-window");
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("alerts-window", "x", AlertKind.Spike, 3, at));
        await alerts.SignalAsync(Signal("alerts-window", "x", AlertKind.NegativeShift, 3, at + new AlertOptions().MergeWindow + TimeSpan.FromSeconds(1)));

        var listed = await alerts.ListAsync(null, null);
        Assert.Equal([AlertKind.NegativeShift, AlertKind.Spike], listed.Select(a => a.Kind)); // newest first
        Assert.All(listed, a => Assert.Single(a.Facets!));
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

        await alerts.SignalAsync(Signal("alerts-reopen", "x", AlertKind.Viral, 3, at.AddMinutes(1)));

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
