using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Dashboard.Hubs;

namespace Pulse.Silo.Tests.Functional;

/// <summary>The live hub refuses pages of other sites (cross-site WebSocket hijacking) and serves its own and non-browsers.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class HubOriginTests(PulseHostFixture host)
{
    [Fact]
    public async Task A_negotiate_from_a_page_of_another_site_is_refused_with_403_problem()
    {
        using var response = await NegotiateAsync("http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("self")]
    public async Task The_dashboards_own_pages_and_clients_without_an_origin_negotiate(string? origin)
    {
        using var response = await NegotiateAsync(origin == "self" ? host.BaseAddress.GetLeftPart(UriPartial.Authority) : origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signalr_client_that_claims_another_sites_origin_cannot_connect()
    {
        var connection = TestCaller.Hub(host.BaseAddress, configure: o => o.Headers["Origin"] = "https://evil.example");
        await using (connection)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Theory]
    [InlineData("https://wall.example.com", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("https://wall.example.com/", false)]
    [InlineData("https://wall.example.com/path", false)]
    [InlineData("wall.example.com", false)]
    [InlineData("ftp://wall.example.com", false)]
    public void Allowed_origins_must_be_bare_origins(string origin, bool valid)
    {
        var options = new LiveHubOptions { AllowedOrigins = [origin] };

        var errors = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/pulse/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await host.Http.SendAsync(request);
    }
}
