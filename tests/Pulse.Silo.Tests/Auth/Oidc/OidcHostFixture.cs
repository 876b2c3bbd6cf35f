using System.Net;
using System.Text.RegularExpressions;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>
/// A real Pulse host (Kestrel, embedded silo) configured for single sign-on against a <see cref="TestOpenIdProvider"/>
/// on another port: the client secret from a file (the command line refuses it), a role map, and HTTPS metadata
/// explicitly off for the loopback provider. The sign-in rate limit is raised: every test signs in from 127.0.0.1.
/// </summary>
public sealed partial class OidcHostFixture : IAsyncLifetime
{
    public const string DisplayName = "Sign in with Test IdP";

    private readonly string _secretFile = Path.Combine(Path.GetTempPath(), $"pulse-oidc-secret-{Guid.NewGuid():N}");

    public TestOpenIdProvider Provider { get; private set; } = null!;

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOpenIdProvider.StartAsync();
        await File.WriteAllTextAsync(_secretFile, Provider.ClientSecret + "\n");
        Host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:RateLimits:SignInBurst=10000",
            $"--{OidcOptions.Section}:Authority={Provider.IssuerName}",
            $"--{OidcOptions.Section}:ClientId={TestOpenIdProvider.ClientId}",
            $"--{OidcOptions.Section}:ClientSecretFile={_secretFile}",
            $"--{OidcOptions.Section}:RequireHttpsMetadata=false",
            $"--{OidcOptions.Section}:DisplayName={DisplayName}",
            $"--{OidcOptions.Section}:Roles:pulse-viewers=viewer",
            $"--{OidcOptions.Section}:Roles:pulse-responders=responder",
            $"--{OidcOptions.Section}:Roles:pulse-admins=admin",
        ]);
        Provider.RedirectUri = new Uri(Host.BaseAddress, "/signin-oidc");
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        File.Delete(_secretFile);
    }

    /// <summary>A browser-like client of the Pulse host (<see cref="LoopbackBrowser"/>).</summary>
    public HttpClient Browser(out CookieContainer jar) => LoopbackBrowser.Client(Host.BaseAddress, out jar);

    /// <summary>
    /// What a browser does after a click on "Sign in with …", step by step: GET /auth/oidc (302 to the provider), GET the
    /// provider's authorization URL (its form_post page), POST that form's fields to its action (Pulse's /signin-oidc).
    /// Returns Pulse's answer to the post.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var start = await browser.GetAsync(SingleSignOnApi.Start);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(Provider.IssuerName + "/authorize?", authorize.ToString(), StringComparison.Ordinal);

        var page = await browser.GetAsync(authorize);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"The provider refused the authorization request: {html}");
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(action), form);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}

[CollectionDefinition(Name)]
public sealed class OidcHostCollection : ICollectionFixture<OidcHostFixture>
{
    public const string Name = "oidc-host";
}
