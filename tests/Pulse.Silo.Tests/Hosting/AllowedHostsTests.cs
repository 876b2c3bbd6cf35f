using System.Net;
using Pulse.Silo.Hosting;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Hosting;

/// <summary>A Pulse on loopback answers only requests naming a loopback host (DNS rebinding); an operator's list replaces that.</summary>
public sealed class AllowedHostsTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://localhost:5080;http://10.0.0.5:5080", false)]
    [InlineData("", false)]
    public void Only_loopback_urls_count_as_loopback_only(string urls, bool loopback) =>
        Assert.Equal(loopback, AllowedHostsDefault.ListensOnLoopbackOnly(urls));

    [Trait("Category", "Slow")]
    [Fact]
    public async Task On_loopback_a_foreign_host_name_is_refused_and_loopback_names_are_answered()
    {
        await using var host = await RunningHost.StartAsync([$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await HealthAsync(host, "rebound.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(host, "localhost")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(host, "127.0.0.1")).StatusCode);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_operators_list_is_the_one_that_counts()
    {
        await using var host = await RunningHost.StartAsync(
            [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--AllowedHosts=pulse.example.com;127.0.0.1"]);

        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(host, "pulse.example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await HealthAsync(host, "localhost")).StatusCode);
    }

    private static Task<HttpResponseMessage> HealthAsync(RunningHost host, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = name;
        return host.Http.SendAsync(request);
    }
}
