using Pulse.Silo.Tests.Functional;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Ingest.Durable;
using Pulse.Silo.Cli;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>`pulse --redis`: a real redis-server, ingest over HTTP and by raw XADD, counted in the brand stats.</summary>
public sealed class RedisClusterIngestTests : IAsyncLifetime
{
    private const string ClusterId = "e2e";
    private RedisServer _redis = null!;
    private WebApplication _app = null!;
    private HttpClient Http { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        _app = PulseCommandLine.CreateApp(
        [
            $"--urls={baseAddress}",
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            $"--Pulse:Redis:Endpoint={_redis.Endpoint}",
            $"--Pulse:Redis:ClusterId={ClusterId}",
            "--Logging:LogLevel:Default=Warning",
            TestCaller.AdminKeyArgument,
        ]);
        await _app.StartAsync();
        Http = TestCaller.Http(baseAddress);
        await Eventually.GetAsync(async () => (await Http.GetAsync("/healthz")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Mentions_posted_over_HTTP_and_added_by_XADD_are_counted()
    {
        (await Http.PutAsJsonAsync("/api/brands/redis-e2e", new { name = "redis-e2e", keywords = new[] { "redisbrand" } })).EnsureSuccessStatusCode();
        var body = string.Join('\n',
            """{"id":"h1","channel":"x","text":"redisbrand is great"}""",
            """{"id":"h2","channel":"reddit","text":"redisbrand again","likes":5}""");

        Assert.True(_app.Services.GetRequiredService<IIngestLog>().IsDurable);
        var response = await Http.PostAsync("/api/mentions", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await StatsReachAsync(count: 2);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        await redis.GetDatabase().StreamAddAsync($"{ClusterId}:ingest:3", "mentions",
            """[{"id":"r1","channel":"x","text":"redisbrand via xadd","likes":2},{"id":"r2","channel":"nowhere","text":"redisbrand lost"}]""");

        var total = await StatsReachAsync(count: 3);
        Assert.Equal(7, total.GetProperty("likes").GetInt64());
        var replayed = new List<string>();
        await foreach (var (_, batch) in _app.Services.GetRequiredService<IIngestLog>().ReadAsync(3, LogPosition.Start, new LogPosition(long.MaxValue, 0)))
        {
            replayed.AddRange(batch.Mentions.Select(m => m.Id));
        }

        Assert.Contains("r1", replayed);
        Assert.DoesNotContain("r2", replayed);
        var dead = await redis.GetDatabase().StreamRangeAsync($"{ClusterId}:ingest:dead");
        Assert.Contains("Unknown channel 'nowhere'", Assert.Single(dead)["dead-error"].ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> StatsReachAsync(long count)
    {
        var stats = await Eventually.GetAsync(
            () => Http.GetFromJsonAsync<JsonElement>("/api/brands/redis-e2e/stats?window=5m"),
            s => s.GetProperty("total").GetProperty("count").GetInt64() >= count,
            TimeSpan.FromSeconds(60));
        Assert.Equal(count, stats.GetProperty("total").GetProperty("count").GetInt64());
        return stats.GetProperty("total");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
