using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Pulse.Silo.Tests.Functional;

/// <summary>A real SignalR client on a real socket receives the grains' live snapshots.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class LiveHubTests(PulseHostFixture host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_brand_subscriber_receives_a_snapshot_carrying_the_posted_mention()
    {
        var brand = await host.AddBrandAsync("live-brand", "livebrand");
        var snapshots = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync("channelSnapshots", snapshots.Writer);
        await connection.InvokeAsync("SubscribeBrand", brand);

        var response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "live-1", channel = "bluesky", text = "livebrand <script>alert(1)</script> is lovely" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var snapshot = await FirstAsync(snapshots.Reader, s => s.GetProperty("latest").EnumerateArray().Any(m => m.GetProperty("id").GetString() == "live-1"));
        Assert.Equal("live-brand", snapshot.GetProperty("brandId").GetString());
        Assert.Equal("bluesky", snapshot.GetProperty("channel").GetString());
        Assert.True(snapshot.GetProperty("perMinute").GetInt64() >= 1);
        var mention = snapshot.GetProperty("latest").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "live-1");
        Assert.Equal("livebrand <script>alert(1)</script> is lovely", mention.GetProperty("text").GetString());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task An_overview_subscriber_receives_brand_summaries()
    {
        var brand = await host.AddBrandAsync("live-overview", "overviewbrand");
        var summaries = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync("brandSummaries", summaries.Writer);
        await connection.InvokeAsync("SubscribeOverview");

        await host.Http.PostAsJsonAsync("/api/mentions", new { id = "ov-1", channel = "x", text = "overviewbrand news" });

        var summary = await FirstAsync(summaries.Reader, s => s.GetProperty("brandId").GetString() == brand);
        Assert.Equal(1, summary.GetProperty("perMinute").GetInt64());
    }

    [Fact]
    public async Task Alerts_reach_subscribers_with_kind_and_state_named_as_in_the_contract()
    {
        var brand = await host.AddBrandAsync("live-alert", "livealert");
        var alerts = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync("alerts", alerts.Writer);
        await connection.InvokeAsync("SubscribeBrand", brand);

        await host.SignalSpikeAsync(brand);

        var alert = await FirstAsync(alerts.Reader, a => a.GetProperty("brandId").GetString() == brand);
        Assert.Equal(("spike", "open"), (alert.GetProperty("kind").GetString(), alert.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Snapshots_of_other_brands_are_not_sent_to_a_brand_subscriber()
    {
        var mine = await host.AddBrandAsync("live-mine", "minebrand");
        var other = await host.AddBrandAsync("live-other", "otherbrand");
        var snapshots = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync("channelSnapshots", snapshots.Writer);
        await connection.InvokeAsync("SubscribeBrand", mine);

        await host.Http.PostAsJsonAsync("/api/mentions", new { id = "other-1", channel = "x", text = "otherbrand only" });
        await host.Http.PostAsJsonAsync("/api/mentions", new { id = "mine-1", channel = "x", text = "minebrand only" });

        await FirstAsync(snapshots.Reader, s => s.GetProperty("brandId").GetString() == mine);
        while (snapshots.Reader.TryRead(out var extra))
        {
            Assert.NotEqual(other, extra.GetProperty("brandId").GetString());
        }
    }

    private async Task<HubConnection> ConnectAsync(string eventName, ChannelWriter<JsonElement> sink)
    {
        var connection = TestCaller.Hub(host.BaseAddress);
        connection.On<JsonElement[]>(eventName, items =>
        {
            foreach (var item in items)
            {
                sink.TryWrite(item);
            }
        });
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> FirstAsync(ChannelReader<JsonElement> reader, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await foreach (var item in reader.ReadAllAsync(timeout.Token))
        {
            if (match(item))
            {
                return item;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
