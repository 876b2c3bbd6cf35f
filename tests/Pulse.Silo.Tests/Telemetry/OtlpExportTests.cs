using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint (http/protobuf), a real host sends its traces to /v1/traces and its metrics to /v1/metrics under
/// it, with the configured headers, to a real HTTP receiver standing in for a collector.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_and_metrics_go_to_the_collector_with_the_configured_headers()
    {
        await using var collector = await Collector.StartAsync();
        await using var host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}",
            $"--gateway-port={FreePort.Next()}",
            $"--Pulse:Telemetry:OtlpEndpoint={collector.BaseAddress}",
            "--Pulse:Telemetry:OtlpProtocol=http/protobuf",
            "--Pulse:Telemetry:OtlpHeaders=x-collector-key=k1",
            "--Pulse:Telemetry:TraceSampleRatio=1",
            "--Pulse:Telemetry:Prometheus=false",
            // The SDK's own settings come from configuration too: export metrics every second instead of every minute.
            "--OTEL_METRIC_EXPORT_INTERVAL=1000",
        ]);
        (await host.Http.PutAsJsonAsync("/api/brands/exported", new { name = "exported", keywords = new[] { "otlpbrand" } })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await host.Http.PostAsJsonAsync("/api/mentions", new { id = "ot-1", channel = "x", text = "otlpbrand" })).StatusCode);

        var paths = await Eventually.GetAsync(
            () => Task.FromResult(collector.Received.Select(r => r.Path).ToHashSet()),
            p => p.Contains("/v1/traces") && p.Contains("/v1/metrics"),
            TimeSpan.FromSeconds(30));

        Assert.Equal(["/v1/metrics", "/v1/traces"], paths.Order());
        Assert.All(collector.Received, r => Assert.Equal(("application/x-protobuf", "k1"), (r.ContentType, r.Key)));
        Assert.All(collector.Received, r => Assert.True(r.Bytes > 0));
        // Metrics are not served where Prometheus is off.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/metrics")).StatusCode);
    }

    /// <summary>Answers every OTLP/HTTP export with 200 and keeps what arrived.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Collector(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public ConcurrentQueue<(string Path, string? ContentType, string? Key, long Bytes)> Received { get; } = new();

        public static async Task<Collector> StartAsync()
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var builder = WebApplication.CreateSlimBuilder([$"--urls={baseAddress}"]);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new Collector(app, baseAddress);
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector.Received.Enqueue((request.Path, request.ContentType, request.Headers["x-collector-key"].ToString(), body.Length));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
