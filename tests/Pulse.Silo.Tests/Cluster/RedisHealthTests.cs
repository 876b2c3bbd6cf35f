using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>/healthz of a cluster silo follows its Redis: Degraded (still 200: reads keep working) while Redis is down.</summary>
[Trait("Category", "Slow")]
public sealed class RedisHealthTests
{
    [Fact]
    public async Task Healthz_reports_redis_degraded_while_it_is_down_and_healthy_once_it_is_back()
    {
        // Persistent, as cluster mode requires: a Redis that comes back empty has lost the membership table too.
        await using var redis = await RedisServer.StartAsync(dataDirectory: Path.Combine(Path.GetTempPath(), $"pulse-redis-{Guid.NewGuid():N}"));
        await using var silo = await new ClusterHosts(redis, "health").StartSiloAsync();

        await redis.StopAsync(kill: true);
        var down = await Eventually.GetAsync(() => RedisStatusAsync(silo.Http), s => s.Redis == "Degraded", TimeSpan.FromSeconds(60));
        await redis.StartAsync();
        var back = await Eventually.GetAsync(() => RedisStatusAsync(silo.Http), s => s.Redis == "Healthy", TimeSpan.FromSeconds(60));

        Assert.Equal((HttpStatusCode.OK, "Degraded"), (down.Code, down.Redis));
        Assert.Equal("Healthy", back.Redis);
    }

    private static async Task<(HttpStatusCode Code, string? Redis)> RedisStatusAsync(HttpClient http)
    {
        var response = await http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }
}
