using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Audit;

/// <summary>A real host (Kestrel, embedded silo, the tests' admin key) whose audit log the tests read over HTTP.</summary>
public sealed class AuditHostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await RunningHost.StartAsync([$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:RateLimits:SignInBurst=1000"]);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A client sending <paramref name="key"/> as its Bearer key (none if null).</summary>
    public HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            TestCaller.Authorize(http, key);
        }

        return http;
    }

    /// <summary>Creates a key as the tests' admin, as an operator would: POST /api/keys.</summary>
    public async Task<(string Id, string Secret)> CreateKeyAsync(string name, string role)
    {
        var response = await Host.Http.PostAsJsonAsync(ApiKeysApi.Route, new { name, role });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    /// <summary>GET /api/audit as the admin: the answer's text (for searching) and its entries.</summary>
    public async Task<(string Text, JsonElement[] Entries, string? Next)> ReadAuditAsync(string query = "limit=500")
    {
        var response = await Host.Http.GetAsync($"{AuditApi.Route}?{query}");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(text).RootElement;
        return (text, [.. page.GetProperty("entries").EnumerateArray()], page.GetProperty("next").GetString());
    }
}
