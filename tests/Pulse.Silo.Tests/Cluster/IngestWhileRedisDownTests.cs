using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// End to end: while Redis is down a cluster silo refuses batches with 503 + Retry-After; once Redis is back the
/// client's retries are accepted and every mention is counted exactly once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class IngestWhileRedisDownTests
{
    [Fact]
    public async Task While_redis_is_down_ingest_answers_503_and_after_it_returns_the_retried_batches_are_all_counted()
    {
        await using var redis = await RedisServer.StartAsync(dataDirectory: Path.Combine(Path.GetTempPath(), $"pulse-redis-{Guid.NewGuid():N}"));
        await using var silo = await new ClusterHosts(redis, "ingest-down").StartSiloAsync();
        const string brand = "outage-brand";
        await ClusterHosts.AddBrandAsync(silo, brand, "outagebrand");
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(silo.Http, 0, 10)).StatusCode);

        // Counted before Redis dies: with appendfsync everysec a killed Redis may lose its last ~2 s of acknowledged
        // writes (README), and this test is about the outage, not about that.
        Assert.Equal(10, await Eventually.GetAsync(() => CountAsync(silo.Http, brand), c => c == 10, TimeSpan.FromSeconds(60)));
        await redis.StopAsync(kill: true);
        var refused = await Eventually.GetAsync(() => PostAsync(silo.Http, 10, 10), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        await redis.StartAsync();
        var accepted = await Eventually.GetAsync(() => PostAsync(silo.Http, 10, 10), r => r.StatusCode == HttpStatusCode.Accepted, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var count = await Eventually.GetAsync(() => CountAsync(silo.Http, brand), c => c == 20, TimeSpan.FromSeconds(60));
        Assert.Equal(20, count);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, int first, int count) =>
        http.PostAsJsonAsync("/api/mentions", Enumerable.Range(first, count)
            .Select(i => new { id = string.Create(CultureInfo.InvariantCulture, $"outage-{i}"), channel = "x", text = "outagebrand status" }));

    private static async Task<long> CountAsync(HttpClient http, string brand)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/stats?window=15m");
        return stats.GetProperty("total").GetProperty("count").GetInt64();
    }
}
