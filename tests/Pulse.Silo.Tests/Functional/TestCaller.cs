using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// Who the tests are to Pulse: every host they start takes <see cref="AdminKey"/> as its bootstrap admin key (as an
/// operator's automation would), and the clients here carry it. Tests of who may do what make their own keys.
/// </summary>
public static class TestCaller
{
    /// <summary>Fresh per test run, as an operator would generate it.</summary>
    public static string AdminKey { get; } = ApiKeySecret.New();

    /// <summary>The command-line argument giving an in-process host <see cref="AdminKey"/>.</summary>
    public static string AdminKeyArgument => "--Pulse:Auth:AdminKey=" + AdminKey;

    /// <summary>The environment variable giving a `pulse` process <see cref="AdminKey"/> (kept out of its argv).</summary>
    public static KeyValuePair<string, string> AdminKeyEnvironment => new("Pulse__Auth__AdminKey", AdminKey);

    /// <summary>A client of <paramref name="baseAddress"/> sending <see cref="AdminKey"/>.</summary>
    public static HttpClient Http(Uri? baseAddress = null, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = baseAddress;
        if (timeout is { } t)
        {
            http.Timeout = t;
        }

        Authorize(http, AdminKey);
        return http;
    }

    /// <summary>Makes <paramref name="http"/> send <paramref name="key"/> as its Bearer key.</summary>
    public static void Authorize(HttpClient http, string key)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>A hub connection to <paramref name="baseAddress"/>'s /hubs/pulse carrying <paramref name="key"/> (default <see cref="AdminKey"/>).</summary>
    public static HubConnection Hub(Uri baseAddress, string? key = null, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, Pulse.Dashboard.DashboardExtensions.HubPath), o =>
            {
                var token = key ?? AdminKey;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(o);
            })
            .Build();
}
