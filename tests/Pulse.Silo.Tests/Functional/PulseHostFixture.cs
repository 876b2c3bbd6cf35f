using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;
using Pulse.Silo.Cli;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// A real `pulse` host (Kestrel on a free loopback port, embedded silo on free ports), built exactly as
/// the executable builds it. Tests share it and use distinct brand ids. Webhooks may call private networks here,
/// since test receivers listen on 127.0.0.1; <see cref="GuardedPulseHostFixture"/> keeps the default guard.
/// </summary>
public class PulseHostFixture : IAsyncLifetime
{
    private readonly bool _allowPrivateNetworks;
    private WebApplication? _app;

    public PulseHostFixture()
        : this(allowPrivateNetworks: true)
    {
    }

    protected PulseHostFixture(bool allowPrivateNetworks) => _allowPrivateNetworks = allowPrivateNetworks;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The host's own grain factory, for driving grains (e.g. an alert signal) without waiting for detection.</summary>
    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _app = PulseCommandLine.CreateApp(
        [
            $"--urls={BaseAddress}",
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            TestCaller.AdminKeyArgument,
            // Live detection trusts its baseline after 20 s instead of 3 min, so the browser test's crisis can alert.
            "--Pulse:Alerts:WarmUp=00:00:20",
            // Webhook retries after 0.2 s, 0.4 s, ... so the retry test does not wait out production backoff.
            "--Pulse:Webhooks:FirstRetryDelay=00:00:00.200",
            $"--Pulse:Outbound:AllowPrivateNetworks={_allowPrivateNetworks}",
        ]);
        await _app.StartAsync();
        Http = TestCaller.Http(BaseAddress);
        await Eventually.GetAsync(async () => (await Http.GetAsync("/healthz")).IsSuccessStatusCode, ok => ok);
    }

    public async Task<string> AddBrandAsync(string id, params string[] keywords)
    {
        var response = await Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A spike alert on channel x, severity 6, signalled straight to the brand's alerts grain.</summary>
    public Task SignalSpikeAsync(string brand) => TestAlerts.SignalSpikeAsync(Grains, brand);

    public async Task<JsonElement> LatestAlertAsync(string brand) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}"))[0];

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PulseHostCollection : ICollectionFixture<PulseHostFixture>
{
    public const string Name = "pulse-host";
}
