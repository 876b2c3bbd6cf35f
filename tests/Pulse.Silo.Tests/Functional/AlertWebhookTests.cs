using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>Webhooks leave the real host over HTTP, retry after a failure, and the outcome shows on the alert.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class AlertWebhookTests(PulseHostFixture host)
{
    [Fact]
    public async Task A_json_webhook_that_fails_once_receives_the_alert_on_retry_and_the_retry_is_recorded()
    {
        var brand = await host.AddBrandAsync("hook-json", "hookjson");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 1);
        await PutWebhookAsync(brand, receiver.Url("json"), "json");

        await host.SignalSpikeAsync(brand);

        var alert = await Eventually.GetAsync(() => host.LatestAlertAsync(brand), a => Delivery(a).GetProperty("status").GetString() == "delivered");
        var delivery = Delivery(alert);
        Assert.Equal(("delivered", 2, 200, "opened"),
            (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("statusCode").GetInt32(), delivery.GetProperty("event").GetString()));
        Assert.Equal([500, 200], receiver.Received.Select(r => r.Answered));
        var payload = receiver.Received.Last().Body;
        Assert.Equal(alert.GetProperty("id").GetString(), payload.GetProperty("id").GetString());
        Assert.Equal("opened", payload.GetProperty("event").GetString());
        Assert.Equal("spike", payload.GetProperty("kind").GetString());
        Assert.False(payload.TryGetProperty("deliveries", out _));
    }

    [Fact]
    public async Task A_slack_webhook_receives_text_naming_brand_kind_and_why()
    {
        var brand = await host.AddBrandAsync("hook-slack", "hookslack");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        await PutWebhookAsync(brand, receiver.Url("slack"), "slack");

        await host.SignalSpikeAsync(brand);

        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count), n => n > 0);
        var payload = Assert.Single(receiver.Received).Body;
        var text = payload.GetProperty("text").GetString();
        Assert.Contains("hook-slack", text, StringComparison.Ordinal);
        Assert.Contains("spike", text, StringComparison.Ordinal);
        Assert.Contains("recall", text, StringComparison.Ordinal);
        Assert.True(payload.GetProperty("blocks").GetArrayLength() > 0);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_webhook_that_keeps_failing_is_recorded_as_failed_after_five_attempts_with_the_last_error()
    {
        var brand = await host.AddBrandAsync("hook-down", "hookdown");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: int.MaxValue);
        await PutWebhookAsync(brand, receiver.Url("down"), "json");

        await host.SignalSpikeAsync(brand);

        var alert = await Eventually.GetAsync(() => host.LatestAlertAsync(brand), a => Delivery(a).GetProperty("status").GetString() == "failed");
        var delivery = Delivery(alert);
        Assert.Equal(("failed", 5, 500), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("statusCode").GetInt32()));
        Assert.StartsWith("HTTP 500", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, receiver.Received.Count);
    }

    [Fact]
    public async Task A_webhook_answering_a_redirect_is_not_followed_and_fails_at_once()
    {
        var brand = await host.AddBrandAsync("hook-redirect", "hookredirect");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        await PutWebhookAsync(brand, receiver.Url("redirect/moved"), "json");

        await host.SignalSpikeAsync(brand);

        var alert = await Eventually.GetAsync(() => host.LatestAlertAsync(brand), a => Delivery(a).GetProperty("status").GetString() == "failed");
        var delivery = Delivery(alert);
        Assert.Equal(("failed", 1, 302), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("statusCode").GetInt32()));
        Assert.Contains("redirects are not followed", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // a followed redirect would have arrived by now
        Assert.Equal(["redirect/moved"], receiver.Received.Select(r => r.Path));
    }

    private async Task PutWebhookAsync(string brand, string url, string format)
    {
        var response = await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = new[] { new { url, format } } });
        response.EnsureSuccessStatusCode();
    }

    private static JsonElement Delivery(JsonElement alert) => alert.GetProperty("deliveries")[0];
}
