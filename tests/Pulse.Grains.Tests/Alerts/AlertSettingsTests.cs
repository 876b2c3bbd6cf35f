using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>
/// Every signal is recorded; the brand's settings decide which alerts notify webhooks, and when. The webhook
/// here points at a closed port: these tests look at the decision recorded on the alert, not at delivery.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertSettingsTests(ClusterFixture fixture)
{
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);
    private static readonly WebhookTarget Hook = new("http://127.0.0.1:9/hook", WebhookFormats.Json);

    [Fact]
    public async Task Settings_are_kept_per_brand()
    {
        var settings = AlertSettings.Default with { Sensitivity = Sensitivity.High, Channels = ["news"], WebhookMinimumSeverity = 4, Webhooks = [Hook] };
        await Grain("settings-kept").SetSettingsAsync(settings);

        var read = await Grain("settings-kept").GetSettingsAsync();

        Assert.Equal((Sensitivity.High, "news", 4, Hook), (read.Sensitivity, Assert.Single(read.Channels), read.WebhookMinimumSeverity, Assert.Single(read.Webhooks)));
        Assert.Empty((await Grain("settings-other").GetSettingsAsync()).Webhooks);
    }

    [Fact]
    public async Task A_signal_from_a_channel_that_does_not_alert_is_recorded_but_notifies_no_webhook()
    {
        var alerts = await WithSettings("settings-quiet-channel", AlertSettings.Default with { Channels = ["news"], Webhooks = [Hook] });

        await alerts.SignalAsync(Signal("settings-quiet-channel", "reddit", 6));

        var alert = Assert.Single(await alerts.ListAsync(null, null));
        Assert.Equal(["reddit"], alert.Channels);
        Assert.Empty(alert.Deliveries);
    }

    [Fact]
    public async Task An_alerting_channel_joining_the_incident_announces_it_as_opened()
    {
        var alerts = await WithSettings("settings-join", AlertSettings.Default with { Channels = ["news"], Webhooks = [Hook] });
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("settings-join", "reddit", 6, at));
        await alerts.SignalAsync(Signal("settings-join", "news", 4, at.AddSeconds(5)));

        var delivery = Assert.Single(Assert.Single(await alerts.ListAsync(null, null)).Deliveries);
        Assert.Equal((WebhookEvents.Opened, "http://127.0.0.1:9/…"), (delivery.Event, delivery.Target));
    }

    [Fact]
    public async Task Alerts_below_the_webhook_minimum_severity_notify_nobody_until_they_escalate_past_it()
    {
        var alerts = await WithSettings("settings-minimum", AlertSettings.Default with { WebhookMinimumSeverity = 5, Webhooks = [Hook] });
        var at = DateTimeOffset.UtcNow;

        await alerts.SignalAsync(Signal("settings-minimum", "x", 4, at));
        var quiet = Assert.Single(await alerts.ListAsync(null, null));
        await alerts.SignalAsync(Signal("settings-minimum", "x", 7, at.AddSeconds(5)));
        var loud = Assert.Single(await alerts.ListAsync(null, null));

        Assert.Empty(quiet.Deliveries);
        Assert.Equal(WebhookEvents.Opened, Assert.Single(loud.Deliveries).Event);
    }

    [Fact]
    public async Task In_quiet_hours_webhooks_are_held_but_the_alert_is_listed()
    {
        var alerts = await WithSettings("settings-night", AlertSettings.Default with { QuietHours = QuietNow(wake: 8), Webhooks = [Hook] });

        await alerts.SignalAsync(Signal("settings-night", "x", 5));

        var delivery = Assert.Single(Assert.Single(await alerts.ListAsync(AlertState.Open, null)).Deliveries);
        Assert.Equal(WebhookDeliveryStatus.Held, delivery.Status);
    }

    [Fact]
    public async Task In_quiet_hours_an_alert_at_the_wake_severity_is_sent_at_once()
    {
        var alerts = await WithSettings("settings-wake", AlertSettings.Default with { QuietHours = QuietNow(wake: 8), Webhooks = [Hook] });

        await alerts.SignalAsync(Signal("settings-wake", "x", 8));

        var delivery = Assert.Single(Assert.Single(await alerts.ListAsync(null, null)).Deliveries);
        Assert.NotEqual(WebhookDeliveryStatus.Held, delivery.Status);
    }

    [Fact]
    public async Task Held_webhooks_go_out_when_quiet_hours_are_switched_off()
    {
        var settings = AlertSettings.Default with { QuietHours = QuietNow(wake: 8), Webhooks = [Hook] };
        var alerts = await WithSettings("settings-release", settings);
        await alerts.SignalAsync(Signal("settings-release", "x", 5));

        await alerts.SetSettingsAsync(settings with { QuietHours = null });

        var delivery = Assert.Single(Assert.Single(await alerts.ListAsync(null, null)).Deliveries);
        Assert.Equal(WebhookEvents.Opened, delivery.Event);
        Assert.NotEqual(WebhookDeliveryStatus.Held, delivery.Status);
    }

    [Fact]
    public async Task Acknowledging_an_alert_nobody_was_told_about_notifies_nobody()
    {
        var alerts = await WithSettings("settings-ack-silent", AlertSettings.Default with { Channels = ["news"], Webhooks = [Hook] });
        await alerts.SignalAsync(Signal("settings-ack-silent", "x", 6));

        var acked = await alerts.AcknowledgeAsync((await alerts.ListAsync(null, null))[0].Id, "anna", null);

        Assert.Empty(acked!.Deliveries);
    }

    [Fact]
    public async Task Acknowledging_an_announced_alert_notifies_its_webhooks()
    {
        var alerts = await WithSettings("settings-ack", AlertSettings.Default with { Webhooks = [Hook] });
        await alerts.SignalAsync(Signal("settings-ack", "x", 6));

        var acked = await alerts.AcknowledgeAsync((await alerts.ListAsync(null, null))[0].Id, "anna", null);

        Assert.Equal([WebhookEvents.Opened, WebhookEvents.Acknowledged], acked!.Deliveries.Select(d => d.Event));
    }

    /// <summary>Two hours either side of now, in a zone with an offset, so the test holds at any time of day.</summary>
    private static QuietHours QuietNow(int wake)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        return new QuietHours(local.AddHours(-2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            local.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), "Asia/Kolkata", wake);
    }

    private IBrandAlertsGrain Grain(string brand) => fixture.Grains.GetGrain<IBrandAlertsGrain>(brand);

    private async Task<IBrandAlertsGrain> WithSettings(string brand, AlertSettings settings)
    {
        await Grain(brand).SetSettingsAsync(settings);
        return Grain(brand);
    }

    private static AlertSignal Signal(string brand, string channel, int severity, DateTimeOffset? at = null) =>
        new(brand, channel, AlertKind.Spike, severity, at ?? DateTimeOffset.UtcNow, 50, 10, NoWhy);
}
