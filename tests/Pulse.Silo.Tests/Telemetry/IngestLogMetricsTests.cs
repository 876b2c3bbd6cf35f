using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>
/// Cluster mode's ingest-log gauges, against a real redis-server: every partition is reported, the partition that took
/// a batch shows its entry and a lag while it has not committed, the others none. Commits wait 10 minutes here, so the
/// entry stays uncommitted for the whole test.
/// </summary>
public sealed class IngestLogMetricsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_partition_reports_the_age_of_its_oldest_uncommitted_entry_and_its_length()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}",
            $"--gateway-port={FreePort.Next()}",
            $"--Pulse:Redis:Endpoint={redis.Endpoint}",
            "--Pulse:Redis:ClusterId=metrics",
            "--Pulse:Ingest:CommitInterval=00:10:00",
            "--Pulse:Telemetry:IngestLogLagInterval=00:00:01",
        ]);
        (await host.Http.PutAsJsonAsync("/api/brands/logged", new { name = "logged", keywords = new[] { "logbrand" } })).EnsureSuccessStatusCode();

        var posted = DateTimeOffset.UtcNow;
        var response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "log-1", channel = "x", text = "logbrand in the log" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var scrape = await Eventually.GetAsync(
            async () => PrometheusText.Parse(await host.Http.GetStringAsync("/metrics")),
            s => s.Sum("pulse_ingest_log_entries") >= 1 && s.Sum("pulse_ingest_log_lag_seconds") > 0,
            TimeSpan.FromSeconds(60));
        var entries = scrape.Named("pulse_ingest_log_entries").ToDictionary(s => s.Label("partition")!, s => s.Value);
        var lags = scrape.Named("pulse_ingest_log_lag_seconds").ToDictionary(s => s.Label("partition")!, s => s.Value);

        Assert.Equal(Enumerable.Range(0, 8).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), entries.Keys.Order());
        Assert.Equal(entries.Keys.Order(), lags.Keys.Order());
        foreach (var (partition, count) in entries)
        {
            output.WriteLine($"partition {partition}: {count} entries, lag {lags[partition]} s");
        }

        var logged = Assert.Single(entries, e => e.Value > 0).Key;
        Assert.Equal(1, entries[logged]);
        Assert.All(lags.Where(l => l.Key != logged), l => Assert.Equal(0, l.Value));
        Assert.InRange(lags[logged], 0.001, (DateTimeOffset.UtcNow - posted).TotalSeconds + 1);
        Assert.Equal(1, scrape.Sum("pulse_mentions_accepted_total", ("source", "http")));
    }
}
