using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Cli;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Hosting;

/// <summary>
/// X-Forwarded-For names the client only when a known proxy sends it: seen through the per-address sign-in limit
/// (one attempt a minute here), which counts two forwarded clients apart only behind a trusted proxy.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var host = await StartAsync("--Pulse:Proxy:KnownProxies:0=127.0.0.1");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(http, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, "203.0.113.2")).StatusCode);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Without_known_proxies_a_forwarded_address_is_ignored()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(http, "203.0.113.2")).StatusCode);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_known_proxy_that_is_not_an_address_stops_the_start_naming_it()
    {
        await using var app = PulseCommandLine.CreateApp(
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Pulse:SiloPort={FreePort.Next()}", $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning", "--Pulse:Proxy:KnownProxies:0=proxy.internal",
        ]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Pulse:Proxy:KnownProxies:0", failure.Message, StringComparison.Ordinal);
    }

    private static Task<RunningHost> StartAsync(params string[] args) => RunningHost.StartAsync(
        [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:RateLimits:SignInBurst=1", "--Pulse:RateLimits:SignInPerMinute=1", .. args]);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SignInApi.Login) { Content = JsonContent.Create(new { name = "zoe", password = "guessing away" }) };
        request.Headers.Add("X-Forwarded-For", client);
        return http.SendAsync(request);
    }
}
