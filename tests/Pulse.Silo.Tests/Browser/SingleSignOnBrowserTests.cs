using Pulse.Silo.Tests.Auth.Oidc;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// Single sign-on in real headless Chromium: the sign-in form's "Sign in with …" button, the provider's auto-posting
/// form_post page, Pulse's callback and the app signed in, with the browser's own cookie rules (Secure cookies on
/// loopback, SameSite) rather than a test client's.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OidcHostCollection.Name)]
public sealed class SingleSignOnBrowserTests(OidcHostFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;

    [Fact]
    public async Task The_sign_in_forms_provider_button_signs_a_mapped_person_in_and_an_unmapped_one_sees_why_not()
    {
        fixture.Provider.User = new TestSsoUser("sub-rita", "Rita Responder", ["pulse-responders"]);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());

        var button = page.Locator("[data-testid=sign-in-oidc]");
        await button.WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender });
        Assert.Equal(OidcHostFixture.DisplayName, (await button.InnerTextAsync()).Trim());
        await button.ClickAsync();

        var name = page.Locator("[data-testid=session-name]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=session-name]')?.textContent === 'Rita Responder · responder'", null, new() { Timeout = Deadline });
        Assert.True(await name.IsVisibleAsync());

        await context.ClearCookiesAsync();
        fixture.Provider.User = new TestSsoUser("sub-eve", "Eve Engineer", ["engineering"]);
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await button.WaitForAsync(new() { Timeout = Deadline });
        await button.ClickAsync();

        var message = page.Locator("[data-testid=sign-in-message]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=sign-in-message]')?.textContent.includes('no Pulse role')", null, new() { Timeout = Deadline });
        Assert.Contains("ask an administrator", await message.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("signin-error", page.Url, StringComparison.Ordinal);
        Assert.Empty(pageErrors);
    }
}
