using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Grains.Alerts;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>A real SignalR client on a host that lets a connection watch two brands: refused subscriptions join no group.</summary>
public sealed class LiveHubLimitsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync([$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:Hub:MaxBrandGroups=2"]);
        foreach (var brand in new[] { "cap-a", "cap-b", "cap-c" })
        {
            (await _host.Http.PutAsJsonAsync($"/api/brands/{brand}", new { name = brand, keywords = new[] { brand } })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_brand_past_the_cap_is_refused_and_its_alerts_do_not_arrive()
    {
        var alerts = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync(alerts.Writer);
        await connection.InvokeAsync("SubscribeBrand", "cap-a");
        await connection.InvokeAsync("SubscribeBrand", "CAP-B");
        await connection.InvokeAsync("SubscribeBrand", "cap-b"); // the same group again: not a third

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SubscribeBrand", "cap-c"));

        Assert.Contains("2 brands", refused.Message, StringComparison.Ordinal);
        await SpikeAsync("cap-c");
        await SpikeAsync("cap-b");
        Assert.Equal("cap-b", (await NextAsync(alerts.Reader)).GetProperty("brandId").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(alerts.Reader.TryRead(out var extra) ? extra.GetProperty("brandId").GetString() : null);

        await connection.InvokeAsync("UnsubscribeBrand", "cap-a");
        await connection.InvokeAsync("SubscribeBrand", "cap-c"); // room again
    }

    [Fact]
    public async Task An_unknown_brand_is_refused()
    {
        var alerts = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync(alerts.Writer);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SubscribeBrand", "no-such-brand"));

        Assert.Contains("Unknown brand 'no-such-brand'", refused.Message, StringComparison.Ordinal);
        await connection.InvokeAsync("SubscribeBrand", "cap-a"); // the connection is still usable
    }

    private Task SpikeAsync(string brand)
    {
        var why = new AlertWhy([], [], new SentimentSplit(0, 0, 9), [new ChannelCount("x", 9)]);
        return _host.Grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.Spike, 5, DateTimeOffset.UtcNow, 50, 10, why));
    }

    private async Task<HubConnection> ConnectAsync(ChannelWriter<JsonElement> sink)
    {
        var connection = TestCaller.Hub(_host.BaseAddress);
        connection.On<JsonElement[]>("alerts", items =>
        {
            foreach (var item in items)
            {
                sink.TryWrite(item);
            }
        });
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> NextAsync(ChannelReader<JsonElement> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadAsync(timeout.Token);
    }
}
