using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Auth;

/// <summary>
/// The authentication schemes. <see cref="Default"/> is the one every policy names: it forwards each request to the
/// scheme its credential belongs to, so endpoints never care whether a key or a person is calling.
/// </summary>
public static class PulseSchemes
{
    /// <summary>The policy scheme: a Bearer key (or a hub's access_token) goes to <see cref="ApiKey"/>.</summary>
    public const string Default = "Pulse";

    public const string ApiKey = ApiKeyAuthenticationHandler.SchemeName;

    /// <summary>Which scheme authenticates <paramref name="context"/>.</summary>
    public static string For(HttpContext context) => ApiKey;
}
