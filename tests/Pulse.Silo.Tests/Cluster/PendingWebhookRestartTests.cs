using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>A webhook delivery is kept in its alert's grain state, not only in a silo's memory: a silo going away loses none.</summary>
[Trait("Category", "Slow")]
public sealed class PendingWebhookRestartTests
{
    // The first attempt fails and the retry would wait ten minutes: the silo stops with the delivery pending.
    private static readonly string[] SiloArgs = ["--Pulse:Outbound:AllowPrivateNetworks=true", "--Pulse:Webhooks:FirstRetryDelay=00:10:00"];

    [Fact]
    public async Task A_delivery_pending_when_the_silo_stops_arrives_after_restart_with_the_same_idempotency_key()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 1);
        var hosts = new ClusterHosts(redis, "webhook-restart");
        const string brand = "pending-hook";
        string alertId;
        await using (var first = await hosts.StartSiloAsync(SiloArgs))
        {
            await ClusterHosts.AddBrandAsync(first, brand, "pendinghook");
            var settings = await first.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = new[] { new { url = receiver.Url("durable"), format = "json" } } });
            settings.EnsureSuccessStatusCode();
            var why = new AlertWhy([new TermLift("outage", 30, 10)], [], new SentimentSplit(0, 1, 20), [new ChannelCount("x", 21)]);
            await first.Grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.Spike, 6, DateTimeOffset.UtcNow, 50, 10, why));

            var retrying = await Eventually.GetAsync(() => LatestAlertAsync(first, brand), a => Status(a) == "retrying");
            Assert.Equal(("retrying", 1), (Status(retrying), Delivery(retrying).GetProperty("attempts").GetInt32()));
            alertId = retrying.GetProperty("id").GetString()!;
        }

        await using var second = await hosts.StartSiloAsync(SiloArgs);
        // Listing alerts (as a dashboard does when it opens) activates the brand's alerts grain; without it the grain's
        // reminder would, within a minute.
        var alert = await Eventually.GetAsync(() => LatestAlertAsync(second, brand), a => Status(a) == "delivered");

        Assert.Equal(("delivered", 2), (Status(alert), Delivery(alert).GetProperty("attempts").GetInt32()));
        Assert.Equal([500, 200], receiver.Received.Select(r => r.Answered));
        var keys = receiver.Received.Select(r => r.Key).ToArray();
        Assert.Matches($"^{alertId}:opened:[0-9a-f]{{16}}$", keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[0], receiver.Received.Last().Body.GetProperty("idempotencyKey").GetString());
    }

    private static async Task<JsonElement> LatestAlertAsync(RunningHost host, string brand) =>
        (await host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}"))[0];

    private static JsonElement Delivery(JsonElement alert) => alert.GetProperty("deliveries")[0];

    private static string? Status(JsonElement alert) =>
        alert.GetProperty("deliveries") is { ValueKind: JsonValueKind.Array } d && d.GetArrayLength() > 0 ? d[0].GetProperty("status").GetString() : null;
}
