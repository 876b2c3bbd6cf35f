using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Auth;

/// <summary>A real host (Kestrel, embedded silo) started with a bootstrap admin key, shared by the auth tests.</summary>
public sealed class AuthHostFixture : IAsyncLifetime
{
    /// <summary>Pulse:Auth:AdminKey of this host; fresh per run, as an operator would generate it.</summary>
    public string AdminKey { get; } = ApiKeySecret.New();

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await RunningHost.StartAsync([$"--Pulse:Auth:AdminKey={AdminKey}"]);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A client of the host sending <paramref name="key"/> as its Bearer key (none if null).</summary>
    public HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>Creates a key as the bootstrap admin; returns the answer (with the secret in "key").</summary>
    public async Task<JsonElement> CreateKeyAsync(string name, string role)
    {
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name, role });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[CollectionDefinition(Name)]
public sealed class AuthHostCollection : ICollectionFixture<AuthHostFixture>
{
    public const string Name = "auth-host";
}
