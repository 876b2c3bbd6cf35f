using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Mentions;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>When the ingest log cannot store a batch, the client is told to retry and nothing counts as accepted.</summary>
public sealed class IngestUnavailableTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_batch_the_log_cannot_store_is_answered_503_with_retry_after_and_a_problem()
    {
        await using var host = await RunningHost.StartAsync(
            [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}"],
            builder => builder.Services.AddSingleton<IMentionIngestor, UnavailableIngestor>());

        var response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "down-1", channel = "x", text = "anything" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("unavailable", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nothing was accepted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("accepted", out _));
    }

    private sealed class UnavailableIngestor : IMentionIngestor
    {
        public Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default) =>
            throw new IngestUnavailableException("redis is down (test)");
    }
}
