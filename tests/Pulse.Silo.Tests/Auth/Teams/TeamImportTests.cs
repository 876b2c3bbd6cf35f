using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Auth.Teams;

/// <summary>A team-limited admin imports its own brands; each brand beyond its team is rejected with the reason. Brands here are "teams-imp-*".</summary>
[Collection(AuthHostCollection.Name)]
public sealed class TeamImportTests(AuthHostFixture fixture)
{
    [Fact]
    public async Task A_team_limited_admin_imports_its_brands_and_gets_each_other_one_rejected()
    {
        var key = (await fixture.CreateKeyAsync("teams-importer", "admin", ["teams-imp-a", "teams-imp-b"])).GetProperty("key").GetString()!;
        using var limited = fixture.Client(key);
        using var admin = fixture.Client(TestCaller.AdminKey);

        var mixed = await limited.PostAsJsonAsync("/api/brands:import", new[] { Brand("teams-imp-a"), Brand("teams-imp-c") });
        var beyond = await limited.PostAsJsonAsync("/api/brands:import", new[] { Brand("teams-imp-d") });

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        var result = await mixed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        var rejected = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal(("teams-imp-c", 2), (rejected.GetProperty("id").GetString(), rejected.GetProperty("line").GetInt32()));
        Assert.Contains("outside your team", rejected.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        var problem = await ProblemAssert.IsAsync(beyond, HttpStatusCode.BadRequest);
        Assert.Equal("teams-imp-d", problem.GetProperty("rejected")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/brands/teams-imp-a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/brands/teams-imp-c")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/brands/teams-imp-d")).StatusCode);
    }

    private static object Brand(string id) => new { id, keywords = new[] { id.Replace("-", "", StringComparison.Ordinal) } };
}
