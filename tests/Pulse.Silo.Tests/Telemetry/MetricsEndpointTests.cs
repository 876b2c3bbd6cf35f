using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Tests.Auth;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Pulse.Testing.Rss;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>
/// /metrics of a real embedded host after a small load of every kind Pulse counts: ingest with invalid items and a
/// duplicate, an alert whose webhook fails once, an RSS source, a hub connection. The scrape must parse, name every
/// metric the docs and the Grafana dashboard name (the cluster-only ones are <see cref="IngestLogMetricsTests"/>'),
/// and its counts must be those of the load.
/// </summary>
public sealed class MetricsEndpointTests(TelemetryHostFixture fixture, ITestOutputHelper output) : IClassFixture<TelemetryHostFixture>
{
    private const string Brand = "tele";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task After_a_small_load_every_documented_metric_is_scraped_with_the_counts_of_the_load()
    {
        (await Host.Http.PutAsJsonAsync($"/api/brands/{Brand}", new { name = Brand, keywords = new[] { "telebrand" } })).EnsureSuccessStatusCode();
        await using var hub = TestCaller.Hub(Host.BaseAddress);
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeOverview");

        // 5 items: 3 valid (2 name the brand), one on an unknown channel, one without text.
        var first = await PostAsync(
            """{"id":"t1","channel":"x","text":"telebrand one"}""",
            """{"id":"t2","channel":"reddit","text":"telebrand two"}""",
            """{"id":"t3","channel":"x","text":"nothing to see"}""",
            """{"id":"bad1","channel":"myspace","text":"telebrand"}""",
            """{"id":"bad2","channel":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        // t1 again (a duplicate for its grain) and a new one.
        var second = await PostAsync(
            """{"id":"t1","channel":"x","text":"telebrand one"}""",
            """{"id":"t4","channel":"news","text":"telebrand four"}""");
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.Http.PostAsync("/api/mentions", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Host.Http.PostAsync("/api/mentions", new StringContent("hello", Encoding.UTF8, "text/plain"))).StatusCode);

        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 1);
        (await Host.Http.PutAsJsonAsync($"/api/brands/{Brand}/alert-settings", new { webhooks = new[] { new { url = receiver.Url("hook"), format = "json" } } })).EnsureSuccessStatusCode();
        await TestAlerts.SignalSpikeAsync(Host.Grains, Brand);

        await using var feed = await FeedServer.StartAsync();
        var items = new RssItems();
        items.Add("feed-1", "Weather is mild");
        feed.Document = items.Add("feed-2", "telebrand opens a shop");
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.PutAsJsonAsync("/api/sources/tele-feed", new { kind = "rss", url = feed.Url.ToString(), pollSeconds = 1 })).StatusCode);

        var documented = DocumentedMetrics.InDocs().Where(m => !m.ClusterOnly).Select(m => m.Name).ToArray();
        var clusterOnly = DocumentedMetrics.InDocs().Where(m => m.ClusterOnly).Select(m => m.Name).ToHashSet();
        var charted = DocumentedMetrics.DashboardExpressions().SelectMany(DocumentedMetrics.MetricsIn).Distinct().Where(n => !clusterOnly.Contains(n)).ToArray();
        var scrape = await Eventually.GetAsync(
            ScrapeAsync,
            s => documented.Concat(charted).All(n => DocumentedMetrics.IsIn(s, n))
                && s.Sum("pulse_webhook_deliveries_total", ("outcome", "delivered")) == 1
                && s.Sum("pulse_partition_mentions_total") >= 4 + s.Sum("pulse_mentions_matched_total", ("source", "rss"))
                && s.Sum("pulse_mentions_received_total", ("source", "rss")) >= 2,
            Patience);

        var missing = documented.Concat(charted).Where(n => !DocumentedMetrics.IsIn(scrape, n)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            output.WriteLine($"{scrape.Samples.Count} samples: {string.Join(", ", scrape.Samples.Select(s => s.Name).Distinct())}");
        }

        Assert.True(missing.Length == 0, "Documented or charted but not on /metrics: " + string.Join(", ", missing));
        Assert.True(documented.Length >= 13 && charted.Length >= 10, "the docs' tables and the dashboard's expressions were read");

        // Ingest over HTTP: 7 items, 5 taken (4 of them name the brand), 2 refused by their first bad field.
        Assert.Equal(7, scrape.Sum("pulse_mentions_received_total", ("source", "http")));
        Assert.Equal(5, scrape.Sum("pulse_mentions_accepted_total", ("source", "http")));
        Assert.Equal(4, scrape.Sum("pulse_mentions_matched_total", ("source", "http")));
        Assert.Equal(1, scrape.Sum("pulse_mentions_rejected_total", ("source", "http"), ("reason", "channel")));
        Assert.Equal(1, scrape.Sum("pulse_mentions_rejected_total", ("source", "http"), ("reason", "text")));
        Assert.Equal(2, scrape.Sum("pulse_mentions_rejected_total"));
        Assert.Equal(
            [("accepted", 1), ("malformed", 1), ("partial", 1), ("unsupported-media-type", 1)],
            scrape.Named("pulse_ingest_requests_total").Select(s => (s.Label("outcome")!, (int)s.Value)).OrderBy(o => o.Item1, StringComparer.Ordinal));

        // The brand's four scored mentions went through one partition (partitions own brands); t1's second copy was skipped.
        var partitions = scrape.Named("pulse_partition_mentions_total").Where(s => s.Value > 0).ToArray();
        Assert.Equal(4 + scrape.Sum("pulse_mentions_matched_total", ("source", "rss")), partitions.Sum(s => s.Value));
        Assert.All(partitions, s => Assert.InRange(int.Parse(s.Label("partition")!, System.Globalization.CultureInfo.InvariantCulture), 0, 7));
        Assert.Equal(1, scrape.Sum("pulse_mentions_deduplicated_total"));

        Assert.Equal(1, scrape.Sum("pulse_alerts_signals_total", ("kind", "spike"), ("outcome", "opened")));
        Assert.Equal(1, scrape.Sum("pulse_webhook_deliveries_total", ("outcome", "retrying")));
        Assert.Equal(1, scrape.Sum("pulse_hub_connections"));
        Assert.True(scrape.Sum("pulse_hub_messages_total") > 0);

        // The feed: two items handed over, one names the brand; each was published a minute before it was polled.
        Assert.Equal(2, scrape.Sum("pulse_mentions_received_total", ("source", "rss")));
        Assert.Equal(1, scrape.Sum("pulse_mentions_matched_total", ("source", "rss")));
        Assert.True(scrape.Sum("pulse_source_events_total", ("source", "rss"), ("outcome", "received")) >= 2);
        var lags = scrape.Sum("pulse_source_lag_seconds_count", ("source", "rss"));
        Assert.True(lags >= 1);
        Assert.True(scrape.Sum("pulse_source_lag_seconds_sum", ("source", "rss")) >= 59 * lags, "each poll's newest item was a minute old");

        await hub.StopAsync();
        var closed = await Eventually.GetAsync(ScrapeAsync, s => s.Sum("pulse_hub_connections") == 0, Patience);
        Assert.Equal(0, closed.Sum("pulse_hub_connections"));
    }

    [Fact]
    public async Task Metrics_need_an_admin_of_every_brand()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseAddress };
        await ProblemAssert.IsAsync(await anonymous.GetAsync("/metrics"), HttpStatusCode.Unauthorized);

        var created = await Host.Http.PostAsJsonAsync("/api/keys", new { name = "metrics-viewer", role = "viewer" });
        created.EnsureSuccessStatusCode();
        using var viewer = new HttpClient { BaseAddress = Host.BaseAddress };
        TestCaller.Authorize(viewer, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        await ProblemAssert.IsAsync(await viewer.GetAsync("/metrics"), HttpStatusCode.Forbidden);

        var admin = await Host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("text/plain", admin.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_off_by_default_and_orleans_metrics_skip_the_activation_walks()
    {
        // The default host: /orleans is opt-in (it samples every activation each second), Orleans' meter is not.
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetAsync("/orleans/")).StatusCode);

        var scrape = await ScrapeAsync();
        Assert.True(scrape.Sum("orleans_catalog_activations") >= 1, "the silo's activations are counted without the Orleans dashboard");
        // Orleans' instruments that walk every activation or the directory cache on each reading are not read at all.
        var text = await (await Host.Http.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("orleans_messaging_processing_activation_data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("orleans_directory_cache_size", text, StringComparison.Ordinal);
        Assert.Contains("orleans_messaging_processing_dispatcher_processed", text, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(params string[] lines) =>
        Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var text = await (await Host.Http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        try
        {
            return PrometheusText.Parse(text);
        }
        catch (FormatException)
        {
            output.WriteLine(text);
            throw;
        }
    }
}

/// <summary>One embedded host for <see cref="MetricsEndpointTests"/>, which may call private networks (its receivers listen on 127.0.0.1).</summary>
public sealed class TelemetryHostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}",
            $"--gateway-port={FreePort.Next()}",
            "--Pulse:Outbound:AllowPrivateNetworks=true",
            "--Pulse:Webhooks:FirstRetryDelay=00:00:00.200",
        ]);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
