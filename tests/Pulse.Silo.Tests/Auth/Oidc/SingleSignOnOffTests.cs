using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Tests.Auth.SignIn;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>A host without Pulse:Auth:Oidc (the shared auth host) offers no provider, and /auth/oidc says why.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class SingleSignOnOffTests(AuthHostFixture fixture)
{
    [Fact]
    public async Task Providers_is_empty_and_the_start_is_a_404_problem_naming_the_setting()
    {
        using var anonymous = fixture.Client(null, followRedirects: false);

        var providers = await anonymous.GetFromJsonAsync<JsonElement>(SingleSignOnApi.Providers);
        var start = await anonymous.GetAsync(SingleSignOnApi.Start);

        Assert.Empty(providers.EnumerateArray());
        var problem = await ProblemAssert.IsAsync(start, HttpStatusCode.NotFound);
        Assert.Contains("Pulse:Auth:Oidc:Authority", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
