using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>The first start's link: printed when no account exists, signs in as the admin "setup" once, then never again.</summary>
[Collection(SignInHostCollection.Name)]
public sealed class OneTimeLinkTests(SignInHostFixture fixture)
{
    [Fact]
    public async Task The_printed_link_signs_in_as_setup_admin_once_and_is_refused_after()
    {
        Assert.Equal(fixture.Host.BaseAddress.Authority, fixture.PrintedLink.Authority);
        Assert.Equal(OneTimeSignInLinks.Route, fixture.PrintedLink.AbsolutePath);
        using var browser = fixture.Browser();

        var first = await browser.GetAsync(fixture.PrintedLink);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.ToString());
        var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
        Assert.Equal(("setup", "admin", "user"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString(), me.GetProperty("kind").GetString()));

        // The setup session creates the first real account (with the anti-forgery token, as the app does).
        using var create = new HttpRequestMessage(HttpMethod.Post, UsersApi.Route)
        {
            Content = JsonContent.Create(new { name = "first-admin", password = SignInHostFixture.Password, role = "admin" }),
        };
        create.Headers.Add(CookieAntiforgery.HeaderName, me.GetProperty("xsrfToken").GetString());
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(create)).StatusCode);

        using var other = fixture.Browser();
        await ProblemAssert.IsAsync(await other.GetAsync(fixture.PrintedLink), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await other.GetAsync(SignInApi.Me), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_or_made_up_token_is_refused()
    {
        var store = fixture.Host.Services.GetRequiredService<IOneTimeTokenStore>();
        var token = OneTimeToken.New();
        await store.AddAsync(OneTimeToken.Hash(token), DateTimeOffset.UtcNow.AddSeconds(-1));
        using var browser = fixture.Browser();

        await ProblemAssert.IsAsync(await browser.GetAsync($"{OneTimeSignInLinks.Route}?token={token}"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await browser.GetAsync($"{OneTimeSignInLinks.Route}?token={OneTimeToken.New()}"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await browser.GetAsync(OneTimeSignInLinks.Route), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_freshly_issued_token_works_once()
    {
        var (token, _) = await fixture.Host.Services.GetRequiredService<OneTimeSignInLinks>().IssueAsync();
        using var browser = fixture.Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"{OneTimeSignInLinks.Route}?token={Uri.EscapeDataString(token)}")).StatusCode);
        await ProblemAssert.IsAsync(await browser.GetAsync($"{OneTimeSignInLinks.Route}?token={Uri.EscapeDataString(token)}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_store_honours_expiry_and_single_use()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var links = new OneTimeSignInLinks(new InMemoryOneTimeTokenStore(), clock);
        var (first, expiresAt) = await links.IssueAsync();
        var (second, _) = await links.IssueAsync();
        Assert.Equal(clock.Now + OneTimeToken.Lifetime, expiresAt);

        clock.Now = expiresAt - TimeSpan.FromSeconds(1);
        Assert.True(await links.RedeemAsync(first));
        Assert.False(await links.RedeemAsync(first));
        clock.Now = expiresAt;
        Assert.False(await links.RedeemAsync(second));
    }
}
