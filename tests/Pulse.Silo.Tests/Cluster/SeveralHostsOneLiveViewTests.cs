using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>Any host of a cluster shows what any silo ingested: live updates go to every registered web host.</summary>
[Trait("Category", "Slow")]
public sealed class SeveralHostsOneLiveViewTests(ThreeHostClusterFixture cluster) : IClassFixture<ThreeHostClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Browsers_on_another_silo_and_on_a_dashboard_only_host_receive_snapshots_of_mentions_posted_to_silo_a()
    {
        const string brand = "cluster-live";
        await ClusterHosts.AddBrandAsync(cluster.SiloA, brand, "clusterlive");
        var onB = Channel.CreateUnbounded<JsonElement>();
        var onDashboard = Channel.CreateUnbounded<JsonElement>();
        await using var b = await SubscribeAsync(cluster.SiloB, brand, onB.Writer);
        await using var dashboard = await SubscribeAsync(cluster.DashboardOnly, brand, onDashboard.Writer);

        // A host's registration reaches the notifiers within seconds; keep posting fresh mentions until both saw one.
        using var timeout = new CancellationTokenSource(Deadline);
        var posted = new List<string>();
        var seenOnB = FirstSnapshotAsync(onB.Reader, posted, timeout.Token);
        var seenOnDashboard = FirstSnapshotAsync(onDashboard.Reader, posted, timeout.Token);
        for (var i = 0; !(seenOnB.IsCompleted && seenOnDashboard.IsCompleted) && !timeout.IsCancellationRequested; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"cl-{i}");
            lock (posted)
            {
                posted.Add(id);
            }

            var response = await cluster.SiloA.Http.PostAsJsonAsync("/api/mentions", new { id, channel = "x", text = "clusterlive everywhere" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.WhenAny(Task.WhenAll(seenOnB, seenOnDashboard), Task.Delay(500));
        }

        Assert.Equal(brand, (await seenOnB).GetProperty("brandId").GetString());
        Assert.Equal(brand, (await seenOnDashboard).GetProperty("brandId").GetString());
    }

    [Fact]
    public async Task A_dashboard_only_host_serves_the_brands_and_alerts_of_the_cluster()
    {
        await ClusterHosts.AddBrandAsync(cluster.SiloB, "cluster-read", "clusterread");

        var brands = await cluster.DashboardOnly.Http.GetFromJsonAsync<JsonElement>("/api/brands");
        var alerts = await cluster.DashboardOnly.Http.GetAsync("/api/alerts?brand=cluster-read");

        Assert.Contains(brands.EnumerateArray(), b => b.GetProperty("id").GetString() == "cluster-read");
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
    }

    [Fact]
    public async Task A_dashboard_only_host_serves_its_hubs_metrics_and_none_of_ingest()
    {
        await using var browser = TestCaller.Hub(cluster.DashboardOnly.BaseAddress);
        await browser.StartAsync();

        var scrape = await Pulse.Testing.Eventually.GetAsync(
            async () => Telemetry.PrometheusText.Parse(await cluster.DashboardOnly.Http.GetStringAsync("/metrics")),
            s => s.Sum("pulse_hub_connections") >= 1,
            Deadline);

        Assert.True(scrape.Sum("pulse_hub_connections") >= 1);
        Assert.DoesNotContain(scrape.Samples, s => s.Name.StartsWith("pulse_mentions_", StringComparison.Ordinal) || s.Name.StartsWith("pulse_partition_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dashboard_only_host_has_no_ingest_and_says_where_it_is()
    {
        var response = await cluster.DashboardOnly.Http.PostAsJsonAsync("/api/mentions", new { id = "nowhere-1", channel = "x", text = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("silo host", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_of_a_cluster_silo_and_of_a_dashboard_only_host_report_redis()
    {
        foreach (var host in new[] { cluster.SiloA, cluster.DashboardOnly })
        {
            var health = await host.Http.GetFromJsonAsync<JsonElement>("/healthz");
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_by_a_dashboard_only_host_too()
    {
        var response = await cluster.DashboardOnly.Http.GetAsync("/orleans/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HubConnection> SubscribeAsync(RunningHost host, string brand, ChannelWriter<JsonElement> sink)
    {
        var connection = TestCaller.Hub(host.BaseAddress);
        connection.On<JsonElement[]>("channelSnapshots", items =>
        {
            foreach (var item in items)
            {
                sink.TryWrite(item);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeBrand", brand);
        return connection;
    }

    private static async Task<JsonElement> FirstSnapshotAsync(ChannelReader<JsonElement> reader, List<string> posted, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in reader.ReadAllAsync(cancellationToken))
        {
            lock (posted)
            {
                if (snapshot.GetProperty("latest").EnumerateArray().Any(m => posted.Contains(m.GetProperty("id").GetString()!)))
                {
                    return snapshot;
                }
            }
        }

        throw new OperationCanceledException();
    }
}
