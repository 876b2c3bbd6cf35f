using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>Cluster state lives in Redis: stopping every host and Redis itself loses nothing that Redis persisted.</summary>
public sealed class ClusterRestartTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Brand_configuration_and_alert_history_survive_a_restart_of_the_whole_cluster()
    {
        await using var redis = await RedisServer.StartAsync(dataDirectory: Path.Combine(Path.GetTempPath(), $"pulse-redis-{Guid.NewGuid():N}"));
        var hosts = new ClusterHosts(redis, "restart");
        const string brand = "durable-brand";
        string alertId;
        await using (var first = await hosts.StartSiloAsync())
        {
            await ClusterHosts.AddBrandAsync(first, brand, "durablebrand", "\"durable brand\"");
            var why = new AlertWhy([new TermLift("outage", 30, 10)], [], new SentimentSplit(0, 1, 20), [new ChannelCount("x", 21)]);
            await first.Grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.Spike, 5, DateTimeOffset.UtcNow, 40, 8, why));
            alertId = (await first.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}"))[0].GetProperty("id").GetString()!;
            var ack = await first.Http.PostAsJsonAsync($"/api/alerts/{alertId}/ack", new { by = "anna", note = "statement drafted" });
            ack.EnsureSuccessStatusCode();
        }

        await redis.StopAsync();
        await redis.StartAsync();
        await using var second = await hosts.StartSiloAsync();

        var restored = await second.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}");
        Assert.Equal(["durablebrand", "\"durable brand\""], restored.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var alert = Assert.Single((await second.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}")).EnumerateArray());
        Assert.Equal(alertId, alert.GetProperty("id").GetString());
        Assert.Equal("acknowledged", alert.GetProperty("state").GetString());
        var ackAction = alert.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("action").GetString() == "acknowledge");
        Assert.Equal("statement drafted", ackAction.GetProperty("note").GetString());
    }
}
