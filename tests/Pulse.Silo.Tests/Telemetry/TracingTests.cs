using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Pulse.Grains.Telemetry;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>
/// Traces of a real embedded host, collected in memory: one ingest request is one trace from the HTTP span through the
/// partition's delivery to the (brand, channel) grain, and nothing else (the grains' ticks) starts traces of its own.
/// </summary>
/// <remarks>
/// Activity listeners are process-wide: hosts of other tests running at the same time may hand this one's exporter
/// their HTTP spans (and partition spans under them), so the assertions pick this host's request by its port.
/// </remarks>
public sealed class TracingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_ingest_request_is_one_trace_from_HTTP_through_the_partition_to_the_grain()
    {
        var spans = new SpanLog();
        await using var host = await StartAsync(spans);
        (await host.Http.PutAsJsonAsync("/api/brands/traced", new { name = "traced", keywords = new[] { "tracebrand" } })).EnsureSuccessStatusCode();

        var response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "tr-1", channel = "x", text = "tracebrand on a trace" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var all = await Eventually.GetAsync(() => Task.FromResult(spans.Snapshot()), s => s.Any(IsRecord), Patience);
        var request = Assert.Single(all, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/mentions" && IsOf(host, s));
        var record = Assert.Single(all, s => IsRecord(s) && s.TraceId == request.TraceId);
        var chain = ChainOf(record, all);
        foreach (var span in chain)
        {
            output.WriteLine($"{span.Source.Name}: {span.DisplayName} ({span.Kind})");
        }

        Assert.Equal(request, chain[^1]);
        Assert.All(chain, s => Assert.Equal(request.TraceId, s.TraceId));
        var delivery = Assert.Single(chain, s => s.OperationName == PulseActivities.PartitionDelivery);
        Assert.Equal(request.SpanId, delivery.ParentSpanId);
        Assert.Contains(chain, s => s.DisplayName.EndsWith("IIngestPartitionGrain/DeliverAsync", StringComparison.Ordinal) && s.Kind == ActivityKind.Server);
        Assert.True(chain.IndexOf(delivery) > chain.FindIndex(s => s.DisplayName.EndsWith("IIngestPartitionGrain/DeliverAsync", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Only_HTTP_requests_start_traces()
    {
        var spans = new SpanLog();
        await using var host = await StartAsync(spans);
        (await host.Http.PutAsJsonAsync("/api/brands/roots", new { name = "roots", keywords = new[] { "rootbrand" } })).EnsureSuccessStatusCode();
        await host.Http.PostAsJsonAsync("/api/mentions", new { id = "rt-1", channel = "x", text = "rootbrand everywhere" });

        // A few seconds of the (brand, channel) grain's one-second ticks, each calling its brand grain.
        var all = await Eventually.GetAsync(() => Task.FromResult(spans.Snapshot()), s => s.Any(IsRecord), Patience);
        await Task.Delay(TimeSpan.FromSeconds(3));
        all = spans.Snapshot();

        var roots = all.Where(s => s.ParentSpanId == default).ToArray();
        Assert.NotEmpty(roots);
        Assert.All(roots, r => Assert.Equal(("Microsoft.AspNetCore", ActivityKind.Server), (r.Source.Name, r.Kind)));
        Assert.DoesNotContain(all, s => s.DisplayName.EndsWith("IBrandGrain/ReportAsync", StringComparison.Ordinal));
    }

    private static bool IsOf(RunningHost host, Activity span) =>
        Convert.ToString(span.GetTagItem("server.port"), System.Globalization.CultureInfo.InvariantCulture) == host.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsRecord(Activity span) =>
        span.Kind == ActivityKind.Server && span.DisplayName.EndsWith("IBrandChannelGrain/RecordAsync", StringComparison.Ordinal);

    /// <summary>The span and its ancestors among <paramref name="all"/>, up to the first whose parent was not exported.</summary>
    private static List<Activity> ChainOf(Activity span, IReadOnlyList<Activity> all)
    {
        var chain = new List<Activity> { span };
        while (all.FirstOrDefault(s => s.SpanId == chain[^1].ParentSpanId) is { } parent)
        {
            chain.Add(parent);
        }

        return chain;
    }

    private static Task<RunningHost> StartAsync(SpanLog spans) =>
        RunningHost.StartAsync(
            [
                $"--silo-port={FreePort.Next()}",
                $"--gateway-port={FreePort.Next()}",
                "--Pulse:Telemetry:Traces=true",
                "--Pulse:Telemetry:TraceSampleRatio=1",
            ],
            builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
}
