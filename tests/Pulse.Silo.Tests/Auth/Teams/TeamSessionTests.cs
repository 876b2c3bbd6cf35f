using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Tests.Auth.SignIn;

namespace Pulse.Silo.Tests.Auth.Teams;

/// <summary>A person's team rides in the session and follows the account: changed brands end the session.</summary>
[Collection(SignInHostCollection.Name)]
public sealed class TeamSessionTests(SignInHostFixture fixture)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_session_carries_its_accounts_brands_and_ends_when_they_change()
    {
        await fixture.CreateUserAsync("team-lena", "viewer", "team-a");
        var (browser, _) = await fixture.SignInAsync("team-lena");
        using (browser)
        {
            var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
            Assert.Equal(["team-a"], me.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));

            // The same name and role with another team: a session of the old team must not see the new one's brands.
            using var admin = fixture.WithKey(fixture.AdminKey);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{UsersApi.Route}/team-lena")).StatusCode);
            await fixture.CreateUserAsync("team-lena", "viewer", "team-b");

            await ProblemAssert.IsAsync(await browser.GetAsync("/api/brands"), HttpStatusCode.Unauthorized);
        }
    }
}
