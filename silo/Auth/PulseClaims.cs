using System.Security.Claims;

namespace Pulse.Silo.Auth;

/// <summary>
/// The claims every Pulse identity carries, whatever signed it in (an API key, a password, the one-time link or an
/// OpenID Connect provider), so policies, the hub and the audit log read one shape.
/// </summary>
public static class PulseClaims
{
    /// <summary>How the caller signed in: <see cref="ApiKeyKind"/>, <see cref="UserKind"/> or <see cref="OidcKind"/>.</summary>
    public const string Kind = "pulse:kind";

    public const string ApiKeyKind = "api-key";

    /// <summary>A person signed in to the dashboard (password or the one-time link).</summary>
    public const string UserKind = "user";

    /// <summary>
    /// A person signed in through the OpenID Connect provider (<c>Pulse:Auth:Oidc</c>): no local account; the provider
    /// vouched for them and their role at sign-in.
    /// </summary>
    public const string OidcKind = "oidc";

    /// <summary>
    /// One claim per brand the caller may see (its team); none: every brand. Read by <see cref="Teams.ClaimsBrandVisibility"/>.
    /// </summary>
    public const string Brand = "pulse:brand";

    /// <summary>
    /// A principal for <paramref name="id"/> (stable, e.g. "key:3f2a…"), shown as <paramref name="name"/>, with one role
    /// claim by its wire name so <c>RequireRole</c> and <c>IsInRole</c> work unchanged, and a <see cref="Brand"/> claim
    /// for each of <paramref name="brands"/> (empty: every brand).
    /// </summary>
    public static ClaimsPrincipal Principal(string scheme, string kind, string id, string name, PulseRole role, IEnumerable<string> brands) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, PulseRoleNames.Of(role)),
                new Claim(Kind, kind),
                .. brands.Select(b => new Claim(Brand, b)),
            ],
            scheme));

    /// <summary>The brands <paramref name="principal"/> is limited to; empty when it sees every brand.</summary>
    public static string[] BrandsOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return [.. principal.FindAll(Brand).Select(c => c.Value)];
    }
}
