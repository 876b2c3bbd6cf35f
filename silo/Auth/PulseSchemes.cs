using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Auth;

/// <summary>
/// The authentication schemes: <see cref="Cookie"/> for people signed in to the dashboard, <see cref="ApiKey"/> for
/// machines, and <see cref="Default"/>, the one every policy names: it forwards each request to the scheme its credential
/// belongs to, so endpoints never care whether a key or a person is calling.
/// </summary>
public static class PulseSchemes
{
    /// <summary>The forwarding scheme (<see cref="For"/>).</summary>
    public const string Default = "Pulse";

    public const string ApiKey = ApiKeyAuthenticationHandler.SchemeName;

    /// <summary>The dashboard's session cookie (<c>POST /auth/login</c>, <c>GET /auth/once</c>).</summary>
    public const string Cookie = "Cookies";

    /// <summary>
    /// Single sign-on (<c>Pulse:Auth:Oidc</c>), only when configured. Never a request's scheme: it challenges from
    /// <c>GET /auth/oidc</c>, answers the provider at <c>/signin-oidc</c>, and signs the person in with <see cref="Cookie"/>.
    /// </summary>
    public const string Oidc = "oidc";

    /// <summary>
    /// A request carrying a key (<see cref="ApiKeyCredential"/>) is the key's; anything else may be a browser's cookie.
    /// A request carrying both is judged by its key alone, so a cookie never widens what a key may do.
    /// </summary>
    public static string For(HttpContext context) => UsesKey(context) ? ApiKey : Cookie;

    /// <summary>Whether the request authenticates with a key (and so is exempt from anti-forgery: no ambient credential).</summary>
    public static bool UsesKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiKeyCredential.TryRead(context.Request, out _);
    }
}
