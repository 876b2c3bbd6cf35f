using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>
/// A real host (Kestrel, embedded silo) with a bootstrap admin key and no account at start, so it prints the one-time
/// link, which this fixture captures (<see cref="PrintedLink"/>). The sign-in rate limit is raised: every test here signs
/// in from 127.0.0.1.
/// </summary>
public sealed partial class SignInHostFixture : IAsyncLifetime, IDisposable
{
    public const string Password = "a long enough passphrase";

    private readonly StringWriter _console = new();

    public string AdminKey { get; } = ApiKeySecret.New();

    public RunningHost Host { get; private set; } = null!;

    /// <summary>The "Sign in: …" link printed at start.</summary>
    public Uri PrintedLink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await RunningHost.StartAsync(
            [
                $"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}",
                $"--Pulse:Auth:AdminKey={AdminKey}", "--Pulse:RateLimits:SignInBurst=10000",
            ],
            builder => builder.Services.AddSingleton(new SignInConsole(TextWriter.Synchronized(_console))));
        var printed = await Eventually.GetAsync(() => Task.FromResult(_console.ToString()), text => text.Contains("Sign in: ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        PrintedLink = new Uri(LinkPattern().Match(printed).Groups[1].Value);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    public void Dispose() => _console.Dispose();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = Host.BaseAddress,
        };

    public HttpClient WithKey(string key)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>Creates an account as the bootstrap admin (Bearer: no anti-forgery token needed); one that exists is kept.</summary>
    public async Task CreateUserAsync(string name, string role, params string[] brands)
    {
        using var admin = WithKey(AdminKey);
        var response = await admin.PostAsJsonAsync(UsersApi.Route, new { name, password = Password, role, brands });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"POST {UsersApi.Route}: {response.StatusCode}");
    }

    /// <summary>A browser signed in as <paramref name="name"/>, and the anti-forgery token from /auth/me.</summary>
    public async Task<(HttpClient Browser, string XsrfToken)> SignInAsync(string name, string password = Password)
    {
        var browser = Browser();
        var login = await browser.PostAsJsonAsync(SignInApi.Login, new { name, password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
        return (browser, me.GetProperty("xsrfToken").GetString()!);
    }

    [GeneratedRegex(@"Sign in: (\S+)")]
    private static partial Regex LinkPattern();
}

[CollectionDefinition(Name)]
public sealed class SignInHostCollection : ICollectionFixture<SignInHostFixture>
{
    public const string Name = "sign-in-host";
}
