using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>Cookie-authenticated writes need the X-XSRF-TOKEN header from /auth/me; Bearer writes do not.</summary>
[Collection(SignInHostCollection.Name)]
public sealed class AntiforgeryTests(SignInHostFixture fixture)
{
    [Fact]
    public async Task A_cookie_post_without_the_token_is_refused_with_403_problem_and_changes_nothing()
    {
        await fixture.CreateUserAsync("pia", "admin");
        var (browser, _) = await fixture.SignInAsync("pia");
        using (browser)
        {
            var response = await browser.PostAsJsonAsync(UsersApi.Route, NewUser("forged-1"));

            var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains(CookieAntiforgery.HeaderName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("forged-1", await browser.GetStringAsync(UsersApi.Route), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cookie_post_with_a_wrong_token_is_refused()
    {
        await fixture.CreateUserAsync("quinn", "admin");
        var (browser, token) = await fixture.SignInAsync("quinn");
        using (browser)
        {
            await ProblemAssert.IsAsync(await PostAsync(browser, UsersApi.Route, NewUser("forged-2"), token[..^4] + "AAAA"), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_cookie_post_and_delete_with_the_token_are_accepted()
    {
        await fixture.CreateUserAsync("rosa", "admin");
        var (browser, token) = await fixture.SignInAsync("rosa");
        using (browser)
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(browser, UsersApi.Route, NewUser("made-by-rosa"), token)).StatusCode);

            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{UsersApi.Route}/made-by-rosa");
            delete.Headers.Add(CookieAntiforgery.HeaderName, token);
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(delete)).StatusCode);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Another_sessions_token_is_refused()
    {
        await fixture.CreateUserAsync("sam", "admin");
        await fixture.CreateUserAsync("tess", "admin");
        var (sam, _) = await fixture.SignInAsync("sam");
        var (tess, tessToken) = await fixture.SignInAsync("tess");
        using (sam)
        using (tess)
        {
            await ProblemAssert.IsAsync(await PostAsync(sam, UsersApi.Route, NewUser("forged-3"), tessToken), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_bearer_key_post_needs_no_token()
    {
        using var admin = fixture.WithKey(fixture.AdminKey);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(UsersApi.Route, NewUser("made-by-key"))).StatusCode);
    }

    [Fact]
    public async Task Reads_need_no_token()
    {
        await fixture.CreateUserAsync("uma", "admin");
        var (browser, _) = await fixture.SignInAsync("uma");
        using (browser)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(UsersApi.Route)).StatusCode);
        }
    }

    private static object NewUser(string name) => new { name, password = SignInHostFixture.Password, role = "viewer" };

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, object body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(CookieAntiforgery.HeaderName, token);
        return browser.SendAsync(request);
    }
}
