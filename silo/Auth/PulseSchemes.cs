using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Auth;

/// <summary>
/// The authentication schemes: <see cref="Cookie"/> for people signed in to the dashboard, <c>ApiKey</c> for machines,
/// and <see cref="Default"/>, which picks one of them per request so policies name a single scheme.
/// </summary>
/// <remarks>
/// <see cref="Default"/> and <see cref="Select"/> are the forwarding scheme of docs/auth-plan.md step 1, here in the
/// smallest form sign-in needs (a policy listing both schemes would challenge twice and merge a Bearer caller's identity
/// with a cookie's); when step 1 lands its version is the one to keep.
/// </remarks>
public static class PulseSchemes
{
    /// <summary>The dashboard's session cookie (<c>POST /auth/login</c>, <c>GET /auth/once</c>).</summary>
    public const string Cookie = "Cookies";

    /// <summary>Forwards to <c>ApiKey</c> or <see cref="Cookie"/> (<see cref="Select"/>).</summary>
    public const string Default = "Pulse";

    /// <summary>
    /// <c>Authorization: Bearer …</c> is a machine's API key; anything else may be a browser's cookie. A request carrying
    /// both is judged by its key alone, so a cookie never widens what a key may do.
    /// </summary>
    public static string Select(HttpContext context) => UsesBearer(context) ? ApiKeyAuthenticationHandler.SchemeName : Cookie;

    /// <summary>Whether the request authenticates with a Bearer header (and so is exempt from anti-forgery: no ambient credential).</summary>
    public static bool UsesBearer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Parsed as the ApiKey handler parses it, so both agree on which requests are the key's.
        return AuthenticationHeaderValue.TryParse(context.Request.Headers[HeaderNames.Authorization], out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);
    }
}
