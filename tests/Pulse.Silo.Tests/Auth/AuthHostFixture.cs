using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Auth;

/// <summary>A real host (Kestrel, embedded silo) started with a bootstrap admin key, shared by the auth tests.</summary>
public sealed class AuthHostFixture : IAsyncLifetime
{
    private readonly Dictionary<PulseRole, string> _roleKeys = [];

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await RunningHost.StartAsync([]);
        foreach (var role in Enum.GetValues<PulseRole>())
        {
            var created = await CreateKeyAsync("matrix-" + PulseRoleNames.Of(role), PulseRoleNames.Of(role));
            _roleKeys[role] = created.GetProperty("key").GetString()!;
        }
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A client of the host sending <paramref name="key"/> as its Bearer key (none if null).</summary>
    public HttpClient Client(string? key, bool followRedirects = true)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            TestCaller.Authorize(http, key);
        }

        return http;
    }

    /// <summary>A key of <paramref name="role"/>, made at start, for the matrix tests.</summary>
    public string RoleKey(PulseRole role) => _roleKeys[role];

    /// <summary>Creates a key as the bootstrap admin; returns the answer (with the secret in "key").</summary>
    public async Task<JsonElement> CreateKeyAsync(string name, string role)
    {
        using var admin = Client(TestCaller.AdminKey);
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
