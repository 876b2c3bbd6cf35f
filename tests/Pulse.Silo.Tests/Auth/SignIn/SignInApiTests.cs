using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>/auth/login, /auth/me and /auth/logout over real HTTP with a cookie jar, as a browser uses them.</summary>
[Collection(SignInHostCollection.Name)]
public sealed class SignInApiTests(SignInHostFixture fixture)
{
    [Fact]
    public async Task Login_sets_an_http_only_strict_session_cookie_me_names_the_user_and_logout_ends_it()
    {
        await fixture.CreateUserAsync("Ivy", "responder", "acme");
        using var browser = fixture.Browser();

        var login = await browser.PostAsJsonAsync(SignInApi.Login, new { name = "ivy", password = SignInHostFixture.Password });

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", string.Empty, StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase); // plain HTTP

        var meResponse = await browser.GetAsync(SignInApi.Me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("no-store", meResponse.Headers.CacheControl?.ToString());
        var me = await meResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ivy", me.GetProperty("name").GetString());
        Assert.Equal("responder", me.GetProperty("role").GetString());
        Assert.Equal("user", me.GetProperty("kind").GetString());
        Assert.Equal(["acme"], me.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));
        var token = me.GetProperty("xsrfToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));

        using var logout = new HttpRequestMessage(HttpMethod.Post, SignInApi.Logout);
        logout.Headers.Add(CookieAntiforgery.HeaderName, token);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);
        await ProblemAssert.IsAsync(await browser.GetAsync(SignInApi.Me), HttpStatusCode.Unauthorized);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData("jack", "not the password at all")]
    [InlineData("no-such-person", SignInHostFixture.Password)]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_401_problem(string name, string password)
    {
        await fixture.CreateUserAsync("jack", "viewer");
        using var browser = fixture.Browser();

        var response = await browser.PostAsJsonAsync(SignInApi.Login, new { name, password });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong name or password.", problem.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_429_and_retry_after()
    {
        await fixture.CreateUserAsync("kate", "viewer");
        using var browser = fixture.Browser();
        for (var i = 1; i < UserLockout.MaxFailures; i++)
        {
            await ProblemAssert.IsAsync(await browser.PostAsJsonAsync(SignInApi.Login, new { name = "kate", password = $"guess number {i}" }), HttpStatusCode.Unauthorized);
        }

        await ProblemAssert.IsAsync(await browser.PostAsJsonAsync(SignInApi.Login, new { name = "kate", password = "guess number 5" }), HttpStatusCode.TooManyRequests);
        var locked = await browser.PostAsJsonAsync(SignInApi.Login, new { name = "kate", password = SignInHostFixture.Password });

        var problem = await ProblemAssert.IsAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), UserLockout.Duration);
        Assert.True(problem.TryGetProperty("lockedUntil", out _));
        Assert.False(locked.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_a_session_apis_answer_401_problem_json_never_a_redirect()
    {
        using var browser = fixture.Browser();

        foreach (var path in new[] { SignInApi.Me, UsersApi.Route, "/api/keys" })
        {
            var response = await browser.GetAsync(path);
            await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized);
            Assert.Null(response.Headers.Location);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_viewer_session_is_refused_the_users_api_with_403_problem_json()
    {
        await fixture.CreateUserAsync("leo", "viewer");
        var (browser, _) = await fixture.SignInAsync("leo");
        using (browser)
        {
            var problem = await ProblemAssert.IsAsync(await browser.GetAsync(UsersApi.Route), HttpStatusCode.Forbidden);
            Assert.Contains("viewer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deleting_an_account_ends_its_sessions()
    {
        await fixture.CreateUserAsync("mia", "admin");
        var (browser, _) = await fixture.SignInAsync("mia");
        using (browser)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(UsersApi.Route)).StatusCode);
            using var admin = fixture.WithKey(fixture.AdminKey);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{UsersApi.Route}/mia")).StatusCode);

            await ProblemAssert.IsAsync(await browser.GetAsync(UsersApi.Route), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task The_users_api_lists_no_hashes_and_answers_409_and_400_naming_the_field()
    {
        await fixture.CreateUserAsync("noah", "viewer");
        using var admin = fixture.WithKey(fixture.AdminKey);

        var listed = await admin.GetStringAsync(UsersApi.Route);
        var noah = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "noah");
        Assert.Equal("viewer", noah.GetProperty("role").GetString());
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SignInHostFixture.Password, listed, StringComparison.Ordinal);

        await ProblemAssert.IsAsync(await admin.PostAsJsonAsync(UsersApi.Route, new { name = "NOAH", password = SignInHostFixture.Password, role = "viewer" }), HttpStatusCode.Conflict);
        var shortPassword = await ProblemAssert.IsAsync(await admin.PostAsJsonAsync(UsersApi.Route, new { name = "olga", password = "short", role = "viewer" }), HttpStatusCode.BadRequest);
        Assert.Equal("password", shortPassword.GetProperty("parameter").GetString());
        await ProblemAssert.IsAsync(await admin.DeleteAsync($"{UsersApi.Route}/olga"), HttpStatusCode.NotFound);
    }
}
