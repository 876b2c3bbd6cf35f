using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Engineers;

/// <summary>/orleans (the Orleans dashboard) has no authentication of its own; Pulse puts one in front of it.</summary>
public sealed class OrleansDashboardAccessTests
{
    private const string Dashboard = "/orleans/";

    [Fact]
    public async Task Without_a_password_a_loopback_client_opens_the_dashboard()
    {
        await using var host = await StartAsync();

        var response = await host.Http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_password_a_client_from_another_address_gets_403_problem()
    {
        var address = LocalAddresses.NonLoopback();
        await using var host = await StartOnAsync(address.ToString());

        var response = await host.Http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Pulse:Engineers:Password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_password_even_a_loopback_client_is_challenged_for_basic_credentials()
    {
        await using var host = await StartAsync("--Pulse:Engineers:Password=s3cret");

        var response = await host.Http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task With_a_password_wrong_credentials_are_refused_and_right_ones_open_the_dashboard()
    {
        await using var host = await StartAsync("--Pulse:Engineers:Password=s3cret");

        var wrongPassword = await GetAsync(host, "engineer", "guess");
        var wrongUser = await GetAsync(host, "admin", "s3cret");
        var right = await GetAsync(host, "engineer", "s3cret");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task The_user_name_is_configurable()
    {
        await using var host = await StartAsync("--Pulse:Engineers:Password=s3cret", "--Pulse:Engineers:User=ops");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(host, "engineer", "s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "ops", "s3cret")).StatusCode);
    }

    [Fact]
    public async Task The_rest_of_pulse_needs_no_engineer_credentials()
    {
        await using var host = await StartAsync("--Pulse:Engineers:Password=s3cret");

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/channels")).StatusCode);
    }

    private static Task<RunningHost> StartAsync(params string[] args) => StartOnAsync("127.0.0.1", args);

    private static Task<RunningHost> StartOnAsync(string bindTo, params string[] args) => RunningHost.StartAsync(
        [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", .. args], host: bindTo);

    private static Task<HttpResponseMessage> GetAsync(RunningHost host, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return host.Http.SendAsync(request);
    }
}
