using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Webhooks;

/// <summary>One key per alert, event and webhook: receivers de-duplicate retries and re-sends by it, and nothing else.</summary>
public sealed class WebhookIdempotencyTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);
    private static readonly WebhookTarget Slack = new("https://hooks.slack.com/services/T0/B0/secret", WebhookFormats.Slack);

    [Fact]
    public void The_key_names_the_alert_and_event_and_hashes_the_webhook_without_its_url()
    {
        var key = WebhookIdempotency.Key(Open(), WebhookEvents.Opened, Slack);

        Assert.Matches("^acme:1:opened:[0-9a-f]{16}$", key);
        Assert.DoesNotContain("secret", key, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_alert_event_and_webhook_give_the_same_key_even_after_the_alert_changed()
    {
        var before = WebhookIdempotency.Key(Open(), WebhookEvents.Opened, Slack);
        var acknowledged = Open() with { State = AlertState.Acknowledged, UpdatedAt = At.AddMinutes(3) };

        Assert.Equal(before, WebhookIdempotency.Key(acknowledged, WebhookEvents.Opened, new WebhookTarget(Slack.Url, Slack.Format)));
    }

    [Fact]
    public void Two_webhooks_of_one_alert_get_different_keys()
    {
        var other = Slack with { Url = "https://hooks.slack.com/services/T0/B1/other" };

        Assert.NotEqual(WebhookIdempotency.Key(Open(), WebhookEvents.Opened, Slack), WebhookIdempotency.Key(Open(), WebhookEvents.Opened, other));
    }

    [Fact]
    public void Each_escalation_of_an_alert_is_news_with_a_key_of_its_own()
    {
        var once = AlertIncidents.Join(Open(), Signal(AlertKind.Spike, severity: 5), out _);
        var twice = AlertIncidents.Join(once, Signal(AlertKind.NegativeShift, severity: 5), out _);

        var first = WebhookIdempotency.Key(once, WebhookEvents.Escalated, Slack);
        var second = WebhookIdempotency.Key(twice, WebhookEvents.Escalated, Slack);

        Assert.Matches("^acme:1:escalated-1:", first);
        Assert.Matches("^acme:1:escalated-2:", second);
    }

    private static Alert Open() => AlertIncidents.Open("acme:1", "Acme", Signal(AlertKind.Spike, severity: 3));

    private static AlertSignal Signal(AlertKind kind, int severity) => new("acme", "x", kind, severity, At, 50, 10, NoWhy);
}
