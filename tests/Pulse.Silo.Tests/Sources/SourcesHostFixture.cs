using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// One embedded `pulse` host for the sources tests, as the executable builds it except that Jetstream and Mastodon
/// connect nowhere (<see cref="OfflineConnectors"/>). Tests share it and use distinct source and brand ids.
/// </summary>
public sealed class SourcesHostFixture : IAsyncLifetime
{
    private RunningHost? _host;

    public HttpClient Http => _host!.Http;

    /// <summary>The host's grain factory, to play a call the API cannot make (a supervisor round that listed before a delete).</summary>
    public Orleans.IGrainFactory Grains => _host!.Grains;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(
            // The test feeds listen on 127.0.0.1: allowed here on purpose, as an on-premise install would.
            [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:Outbound:AllowPrivateNetworks=true"],
            builder => OfflineConnectors.Use(builder.Services));

    /// <summary>The source's view, or null when the API answers 404.</summary>
    public async Task<JsonElement?> SourceAsync(string id)
    {
        var response = await Http.GetAsync($"/api/sources/{id}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SourcesHostCollection : ICollectionFixture<SourcesHostFixture>
{
    public const string Name = "sources-host";
}
