using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Tests.Auth.SignIn;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>
/// Single sign-on over real HTTP: a browser-like client goes from Pulse to <see cref="TestOpenIdProvider"/> and back
/// through the form_post page, following each redirect by hand, and Pulse's OpenID Connect handler does the rest (code
/// for tokens with the secret and PKCE, the id_token's signature, issuer, audience and nonce).
/// </summary>
[Collection(OidcHostCollection.Name)]
public sealed class OidcSignInTests(OidcHostFixture fixture)
{
    [Fact]
    public async Task A_responder_from_the_provider_gets_a_session_that_may_ack_but_not_change_brands()
    {
        fixture.Provider.User = new TestSsoUser("sub-rita", "Rita Responder", ["unrelated-group", "pulse-responders"]);
        using var browser = fixture.Browser(out _);

        var callback = await fixture.SignInAtProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location?.OriginalString);
        var session = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);

        var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
        Assert.Equal("oidc", me.GetProperty("kind").GetString());
        Assert.Equal("responder", me.GetProperty("role").GetString());
        Assert.Equal("Rita Responder", me.GetProperty("name").GetString());
        var token = me.GetProperty("xsrfToken").GetString()!;

        var ack = await SendAsync(browser, HttpMethod.Post, "/api/alerts/no-such-alert/ack", token);
        Assert.True(ack.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"ack: {(int)ack.StatusCode}");
        await ProblemAssert.IsAsync(await SendAsync(browser, HttpMethod.Put, "/api/brands/no-such-brand", token), HttpStatusCode.Forbidden);
        Assert.Empty(fixture.Provider.Refusals);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Several_mapped_groups_give_the_highest_role()
    {
        fixture.Provider.User = new TestSsoUser("sub-ada", "Ada Admin", ["pulse-viewers", "pulse-admins", "pulse-responders"]);
        using var browser = fixture.Browser(out _);

        Assert.Equal("/", (await fixture.SignInAtProviderAsync(browser)).Headers.Location?.OriginalString);

        var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_provider_user_without_a_mapped_role_is_refused_and_gets_no_session()
    {
        fixture.Provider.User = new TestSsoUser("sub-eve", "Eve Engineer", ["engineering", "Pulse-Admins"]);
        using var browser = fixture.Browser(out var jar);

        var callback = await fixture.SignInAtProviderAsync(browser);

        await AssertRefusedAsync(callback, OidcEvents.NoRole, browser, jar);
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_is_refused()
    {
        fixture.Provider.User = new TestSsoUser("sub-mallory", "Mallory", ["pulse-admins"]);
        fixture.Provider.SignWithAnotherKey = true;
        try
        {
            using var browser = fixture.Browser(out var jar);
            var issued = fixture.Provider.IdTokensIssued;

            var callback = await fixture.SignInAtProviderAsync(browser);

            // The code exchange went through and the token was handed out: the refusal is Pulse's, of the signature.
            Assert.Equal(issued + 1, fixture.Provider.IdTokensIssued);
            await AssertRefusedAsync(callback, OidcEvents.Failed, browser, jar);
        }
        finally
        {
            fixture.Provider.SignWithAnotherKey = false;
        }
    }

    [Fact]
    public async Task A_callback_posted_without_the_browsers_correlation_cookie_is_refused()
    {
        // A callback captured from one browser and replayed from another (login CSRF): the state is genuine, the cookie
        // that ties it to the browser that started the sign-in is not there.
        fixture.Provider.User = new TestSsoUser("sub-rita", "Rita Responder", ["pulse-responders"]);
        using var starter = fixture.Browser(out _);
        var authorize = (await starter.GetAsync(SingleSignOnApi.Start)).Headers.Location!;
        var page = await (await starter.GetAsync(authorize)).Content.ReadAsStringAsync();
        using var other = fixture.Browser(out var jar);
        var fields = System.Text.RegularExpressions.Regex.Matches(page, "name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));

        using var form = new FormUrlEncodedContent(fields);
        var callback = await other.PostAsync("/signin-oidc", form);

        await AssertRefusedAsync(callback, OidcEvents.Failed, other, jar);
    }

    [Fact]
    public async Task Providers_lists_the_configured_provider_for_the_sign_in_form()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var providers = await anonymous.GetFromJsonAsync<JsonElement>(SingleSignOnApi.Providers);

        var provider = Assert.Single(providers.EnumerateArray());
        Assert.Equal("oidc", provider.GetProperty("id").GetString());
        Assert.Equal(OidcHostFixture.DisplayName, provider.GetProperty("name").GetString());
        Assert.Equal("/auth/oidc", provider.GetProperty("url").GetString());
    }

    /// <summary>Back to the app with <paramref name="error"/> for its sign-in form, and no session in the browser.</summary>
    private async Task AssertRefusedAsync(HttpResponseMessage callback, string error, HttpClient browser, CookieContainer jar)
    {
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal($"/?signin-error={error}", callback.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SessionCookie.Name, jar.GetCookieHeader(fixture.Host.BaseAddress), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await browser.GetAsync(SignInApi.Me), HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, string xsrfToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add(CookieAntiforgery.HeaderName, xsrfToken);
        return await browser.SendAsync(request);
    }
}
