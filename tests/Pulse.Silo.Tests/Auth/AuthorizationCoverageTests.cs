using Pulse.Silo.Auth;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Auth;

/// <summary>
/// Walks the host's <c>EndpointDataSource</c>: which policy each endpoint carries, against
/// <see cref="AuthorizationTargets"/>. <see cref="AuthorizationMatrixTests"/> checks the same matrix over HTTP.
/// </summary>
[Collection(AuthHostCollection.Name)]
public sealed class AuthorizationCoverageTests(AuthHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Api_keys_endpoints_carry_the_admin_policy()
    {
        var endpoints = Endpoints().Where(e => e.Endpoint.Contains(" /api/keys", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["DELETE /api/keys/{id}", "GET /api/keys/", "POST /api/keys/"], endpoints.Select(e => e.Endpoint));
        Assert.All(endpoints, e => Assert.Equal([PulsePolicies.Admin], e.Policies));
        Assert.All(endpoints, e => Assert.False(e.AllowsAnonymous));
    }

    [Fact]
    public void Every_endpoint_has_a_row_in_the_target_matrix()
    {
        var missing = Endpoints().Where(e => AuthorizationTargets.Find(e.Endpoint) is null).Select(e => e.Endpoint).ToArray();

        Assert.True(missing.Length == 0, $"Add these to AuthorizationTargets: {string.Join("; ", missing)}");
    }

    [Fact]
    public void The_target_matrix_agrees_with_the_roles_of_its_policies()
    {
        foreach (var target in AuthorizationTargets.All)
        {
            var admitted = target.Policy == AuthorizationTarget.AnonymousPolicy ? Enum.GetValues<PulseRole>() : PulsePolicies.RolesFor(target.Policy);
            foreach (var role in Enum.GetValues<PulseRole>())
            {
                Assert.True(
                    target.For(role) == (admitted.Contains(role) ? Access.Ok : Access.No403),
                    $"{target.Endpoint}: {role} is {target.For(role)} but {target.Policy} {(admitted.Contains(role) ? "admits" : "refuses")} it.");
            }

            Assert.Equal(target.Policy == AuthorizationTarget.AnonymousPolicy ? Access.Ok : Access.No401, target.Anonymous);
        }
    }

    [Fact]
    public void Every_endpoint_carries_its_target_policy()
    {
        var wrong = Endpoints()
            .Where(e => AuthorizationTargets.Find(e.Endpoint) is { } target
                && (target.Policy == AuthorizationTarget.AnonymousPolicy ? !e.AllowsAnonymous : e.AllowsAnonymous || !e.Policies.SequenceEqual(PoliciesOf(target))))
            .Select(e => $"{e} (target {AuthorizationTargets.Find(e.Endpoint)!.Policy})")
            .ToArray();

        Assert.True(wrong.Length == 0, "Endpoints not at their target policy:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_team_column_agrees_with_the_every_brand_policy()
    {
        Assert.All(AuthorizationTargets.All.Where(t => t.EveryBrand), t => Assert.Equal(Access.No403, t.OtherTeam));
        Assert.All(AuthorizationTargets.All.Where(t => t.Policy == AuthorizationTarget.AnonymousPolicy), t => Assert.Equal(Access.Ok, t.OtherTeam));
    }

    private static string[] PoliciesOf(AuthorizationTarget target) => target.EveryBrand ? [target.Policy, PulsePolicies.EveryBrand] : [target.Policy];

    private IReadOnlyList<EndpointPolicy> Endpoints()
    {
        var endpoints = EndpointPolicy.Of(fixture.Host.Services);
        foreach (var endpoint in endpoints)
        {
            output.WriteLine(endpoint.ToString());
        }

        return endpoints;
    }
}
