using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Silo.Tests.RateLimits;

/// <summary>Ingest and writes are limited per client (its key) and ingest also host-wide; rejections are 429 problems with Retry-After.</summary>
public sealed class RateLimitTests(LimitedHostFixture fixture) : IClassFixture<LimitedHostFixture>
{
    [Fact]
    public async Task A_client_past_its_ingest_burst_gets_429_with_retry_after_and_another_client_does_not()
    {
        using var client = await fixture.NewClientAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostMentionAsync(client, $"burst-{i}")).StatusCode);
        }

        var rejected = await PostMentionAsync(client, "burst-3");

        await AssertTooManyAsync(rejected, "ingest", "more requests than");
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After {rejected.Headers.RetryAfter}");
        using var other = await fixture.NewClientAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await PostMentionAsync(other, "other-0")).StatusCode);
    }

    [Fact]
    public async Task With_the_one_ingest_slot_busy_another_client_is_told_to_retry_and_is_served_after()
    {
        using var holder = await fixture.NewClientAsync();
        using var waiting = await fixture.NewClientAsync();
        var held = PostMentionAsync(holder, "hold-1");
        await fixture.Held.WaitAsync(TimeSpan.FromSeconds(30));

        var rejected = await PostMentionAsync(waiting, "busy-1");

        await AssertTooManyAsync(rejected, "ingest", "at once");
        Assert.Equal(TimeSpan.FromSeconds(1), rejected.Headers.RetryAfter?.Delta);
        fixture.Release();
        Assert.Equal(HttpStatusCode.Accepted, (await held.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostMentionAsync(waiting, "busy-2")).StatusCode);
    }

    [Fact]
    public async Task A_client_past_its_write_burst_gets_429_and_reads_stay_open()
    {
        using var client = await fixture.NewClientAsync();
        for (var i = 0; i < 2; i++)
        {
            var put = await client.PutAsJsonAsync($"/api/brands/limited-{i}", new { name = "Limited", keywords = new[] { "limited" } });
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var rejected = await client.PutAsJsonAsync("/api/brands/limited-2", new { name = "Limited", keywords = new[] { "limited" } });

        await AssertTooManyAsync(rejected, "writes", "more requests than");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/brands")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/brands/limited-2")).StatusCode);
    }

    [Fact]
    public async Task A_key_is_one_client_from_any_address()
    {
        var key = await fixture.NewKeyAsync();
        using var first = fixture.ClientFrom("127.0.0.7", key);
        using var second = fixture.ClientFrom("127.0.0.8", key);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostMentionAsync(first, $"moving-{i}")).StatusCode);
        }

        await AssertTooManyAsync(await PostMentionAsync(second, "moving-3"), "ingest", "more requests than");
    }

    private static Task<HttpResponseMessage> PostMentionAsync(HttpClient client, string id) =>
        client.PostAsJsonAsync("/api/mentions", new { id, channel = "x", text = "rate limits" });

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string policy, string detail)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(policy, problem.GetProperty("policy").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
