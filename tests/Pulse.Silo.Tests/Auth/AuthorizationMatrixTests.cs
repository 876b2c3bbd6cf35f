using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Auth;
using Pulse.Silo.Tests.Functional;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Auth;

/// <summary>
/// <see cref="AuthorizationTargets"/> over real HTTP: every endpoint × {anonymous, viewer, responder, admin, ingest} gets
/// 401 problem+json, 403 problem+json, or past authorization its own answer. Ids are ones no test creates, so an
/// admitted write finds nothing to change (404) or is refused for its empty body (400). Then every endpoint × {viewer,
/// responder, admin} limited to the brand the request names (own team) or to another (other team): real brands and a
/// real alert, so an own team's Ok on a per-brand row means found, and another team's 404 means hidden, not missing.
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
            output.WriteLine($"{endpoint} as {name}: {(int)response.StatusCode}");
            AssertAnswer(endpoint, name, expected, response, expectFound: false);
        }
    }

    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_team_limited_caller_gets_the_answer_the_team_column_gives(string endpoint)
    {
        var target = AuthorizationTargets.All.Single(t => t.Endpoint == endpoint);
        foreach (var role in new[] { PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin })
        {
            foreach (var ownTeam in new[] { true, false })
            {
                // A team only narrows: a role the endpoint refuses is refused whatever the team.
                var expected = target.For(role) != Access.Ok ? target.For(role) : ownTeam ? target.OwnTeam : target.OtherTeam;
                var name = $"{PulseRoleNames.Of(role)} of the {(ownTeam ? "own" : "other")} team";
                using var client = fixture.Client(fixture.TeamKey(role, ownTeam), followRedirects: false);
                using var response = await client.SendAsync(Request(target.Endpoint, fixture));
                output.WriteLine($"{endpoint} as {name}: {(int)response.StatusCode}");
                AssertAnswer(endpoint, name, expected, response, expectFound: target.PerBrand);
                if (response.StatusCode == HttpStatusCode.NoContent && endpoint == "DELETE /api/brands/{id}")
                {
                    await fixture.PutBrandAsync(AuthHostFixture.SpareBrand);
                }
            }
        }
    }

    /// <summary>Checks one answer; <paramref name="expectFound"/>: an Ok must also have found the brand or alert it names.</summary>
    private static void AssertAnswer(string endpoint, string name, Access expected, HttpResponseMessage response, bool expectFound)
    {
        var status = response.StatusCode;
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
            case Access.No404:
                Assert.True(status == HttpStatusCode.NotFound, $"{endpoint} as {name}: {(int)status}, expected 404");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                break;
            default:
                // Sign-in's own 401s (a wrong password, a used link) are answers past authorization: no challenge, which
                // always names a way in (WWW-Authenticate).
                var challenged = status == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count > 0;
                Assert.True(
                    !challenged && status != HttpStatusCode.Forbidden,
                    $"{endpoint} as {name}: {(int)status}, expected to pass authorization");
                Assert.True(!expectFound || status != HttpStatusCode.NotFound, $"{endpoint} as {name}: 404, expected its own team's brand to be found");
                break;
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

    /// <summary>
    /// The request for a row: ids no test creates, or with <paramref name="team"/> the own team's real brand (its spare one
    /// for a delete) and alert, with a body an ack or resolve accepts.
    /// </summary>
    private static HttpRequestMessage Request(string endpoint, AuthHostFixture? team = null)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var id = team is null ? NoSuchId
            : endpoint.Contains("/api/alerts/{id}", StringComparison.Ordinal) ? team.OwnAlertId
            : endpoint == "DELETE /api/brands/{id}" ? AuthHostFixture.SpareBrand
            : AuthHostFixture.OwnBrand;
        var (method, route) = (endpoint[..space], endpoint[(space + 1)..].Replace("{id}", id, StringComparison.Ordinal));
        (method, route) = route switch
        {
            "/hubs/pulse/negotiate" => ("POST", route + "?negotiateVersion=1"),
            "/hubs/pulse" => ("GET", route),
            "/healthz" => ("GET", route),
            "/orleans/*" => ("GET", "/orleans/"),
            "/metrics" => ("GET", route),
            _ => (method, route),
        };

        var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (method is "PUT" or "POST")
        {
            request.Content = team is not null && route.StartsWith("/api/alerts/", StringComparison.Ordinal)
                ? JsonContent.Create(new { by = "matrix" })
                : JsonContent.Create(new { });
        }

        return request;
    }
}
