using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth;

/// <summary>An open hub connection does not outlive its key: the host re-checks callers and closes revoked ones.</summary>
public sealed class HubRevocationTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync([$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:Hub:RecheckInterval=00:00:01"]);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_revoked_keys_connection_is_closed_and_others_stay_open()
    {
        var created = await (await _host.Http.PostAsJsonAsync(ApiKeysApi.Route, new { name = "wall", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>();
        await using var revoked = TestCaller.Hub(_host.BaseAddress, created.GetProperty("key").GetString());
        await using var kept = TestCaller.Hub(_host.BaseAddress);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        revoked.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await revoked.StartAsync();
        await kept.StartAsync();
        await revoked.InvokeAsync("SubscribeOverview");

        var delete = await _host.Http.DeleteAsync($"{ApiKeysApi.Route}/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, revoked.State);
        // The kept connection has been through the same passes (at least one after the close) and still answers.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HubConnectionState.Connected, kept.State);
        await kept.InvokeAsync("SubscribeOverview");
    }
}
