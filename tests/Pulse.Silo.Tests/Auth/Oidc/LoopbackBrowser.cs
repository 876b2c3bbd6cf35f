using System.Net;
using System.Text.RegularExpressions;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>
/// An HTTP client that keeps cookies as a browser does on http://127.0.0.1 and follows no redirect by itself. Browsers
/// treat loopback as a secure context and keep and send Secure cookies there; the OpenID Connect handler's correlation
/// and nonce cookies are Secure (they are SameSite=None, which a cross-site form_post needs, and browsers take that only
/// with Secure). <see cref="CookieContainer"/> never sends a Secure cookie over http, so this handler stores each
/// Set-Cookie without its Secure attribute; expiry, deletion and paths stay the container's.
/// </summary>
internal sealed partial class LoopbackBrowser(CookieContainer jar) : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    public CookieContainer Jar { get; } = jar;

    public static HttpClient Client(Uri baseAddress, out CookieContainer jar)
    {
        jar = new CookieContainer();
        return new HttpClient(new LoopbackBrowser(jar)) { BaseAddress = baseAddress };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var cookies = Jar.GetCookieHeader(uri);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Jar.SetCookies(uri, SecureAttribute().Replace(setCookie, string.Empty));
            }
        }

        return response;
    }

    [GeneratedRegex(@";\s*secure\s*(?=;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecureAttribute();
}
