using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Auth;
using Pulse.Silo.Tests.Functional;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Auth;

/// <summary>
/// <see cref="AuthorizationTargets"/> over real HTTP: every endpoint × {anonymous, viewer, responder, admin, ingest} gets
/// 401 problem+json, 403 problem+json, or past authorization its own answer. Ids are ones no test creates, so an
/// admitted write finds nothing to change (404) or is refused for its empty body (400).
/// </summary>
[Collection(AuthHostCollection.Name)]
public sealed class AuthorizationMatrixTests(AuthHostFixture fixture, ITestOutputHelper output)
{
    private const string NoSuchId = "matrix-none";

    public static TheoryData<string> Endpoints() => [.. AuthorizationTargets.All.Select(t => t.Endpoint)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_caller_gets_the_answer_the_matrix_gives(string endpoint)
    {
        var target = AuthorizationTargets.All.Single(t => t.Endpoint == endpoint);
        var callers = new List<(string Name, string? Key, Access Expected)> { ("anonymous", null, target.Anonymous) };
        foreach (var role in Enum.GetValues<PulseRole>())
        {
            callers.Add((PulseRoleNames.Of(role), fixture.RoleKey(role), target.For(role)));
        }

        foreach (var (name, key, expected) in callers)
        {
            using var client = fixture.Client(key, followRedirects: false);
            using var response = await client.SendAsync(Request(target.Endpoint));
            var status = response.StatusCode;
            output.WriteLine($"{endpoint} as {name}: {(int)status}");
            switch (expected)
            {
                case Access.No401 when status == HttpStatusCode.Redirect && !endpoint.Contains(" /api/", StringComparison.Ordinal):
                    // A page outside the API (the Orleans dashboard) sends a browser to the app's sign-in form instead.
                    Assert.Equal("/", response.Headers.Location?.OriginalString);
                    break;
                case Access.No401:
                    Assert.True(status == HttpStatusCode.Unauthorized, $"{endpoint} as {name}: {(int)status}, expected 401");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    break;
                case Access.No403:
                    Assert.True(status == HttpStatusCode.Forbidden, $"{endpoint} as {name}: {(int)status}, expected 403");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    break;
                case Access.Ok when target.Policy == AuthorizationTarget.AnonymousPolicy:
                    // Open to all (the coverage test checks its AllowAnonymous); sign-in's own 401 for a wrong or missing
                    // credential is its answer, not authorization's.
                    Assert.True(status != HttpStatusCode.Forbidden, $"{endpoint} as {name}: 403, expected to be open");
                    break;
                default:
                    Assert.True(
                        status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                        $"{endpoint} as {name}: {(int)status}, expected to pass authorization");
                    break;
            }
        }
    }

    [Fact]
    public async Task A_revoked_or_unknown_key_is_401_everywhere_a_key_is_needed()
    {
        using var unknown = fixture.Client(Pulse.Silo.Auth.Keys.ApiKeySecret.New());

        var response = await unknown.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_takes_a_key_as_access_token_and_the_api_does_not()
    {
        var viewer = fixture.RoleKey(PulseRole.Viewer);
        using var anonymous = fixture.Client(null);

        var hub = await anonymous.PostAsync($"/hubs/pulse/negotiate?negotiateVersion=1&access_token={viewer}", null);
        var api = await anonymous.GetAsync($"/api/overview?access_token={viewer}");

        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_dashboard_app_need_no_identity()
    {
        using var anonymous = fixture.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
    }

    private static HttpRequestMessage Request(string endpoint)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var (method, route) = (endpoint[..space], endpoint[(space + 1)..].Replace("{id}", NoSuchId, StringComparison.Ordinal));
        (method, route) = route switch
        {
            "/hubs/pulse/negotiate" => ("POST", route + "?negotiateVersion=1"),
            "/hubs/pulse" => ("GET", route),
            "/healthz" => ("GET", route),
            "/orleans/*" => ("GET", "/orleans/"),
            _ => (method, route),
        };

        var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (method is "PUT" or "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        return request;
    }
}
