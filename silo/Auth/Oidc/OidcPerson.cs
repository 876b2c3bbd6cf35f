using System.Security.Claims;

namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// Who the provider's validated id_token (and userinfo, when read) says signed in, in Pulse's terms: a stable id
/// "oidc:&lt;issuer&gt;|&lt;sub&gt;" (sub is unique only per issuer, and never reassigned, unlike names and e-mail
/// addresses), a display name, and the role its role claim maps to (null: none mapped).
/// </summary>
public sealed record OidcPerson(string Id, string Name, PulseRole? Role)
{
    /// <summary>Null when the token has no <c>sub</c>, which every OpenID provider must send.</summary>
    public static OidcPerson? From(ClaimsPrincipal provided, string roleClaim, OidcRoleMap roles)
    {
        ArgumentNullException.ThrowIfNull(provided);
        ArgumentNullException.ThrowIfNull(roles);
        // The handler keeps the token's own claim names (MapInboundClaims off), so "sub" is "sub".
        if (provided.FindFirst("sub") is not { Value.Length: > 0 } subject)
        {
            return null;
        }

        var issuer = provided.FindFirstValue("iss") ?? subject.Issuer;
        var name = First(provided, "name", "preferred_username", "email") ?? subject.Value;
        return new OidcPerson($"oidc:{issuer}|{subject.Value}", name, roles.RoleOf(provided.FindAll(roleClaim).Select(c => c.Value)));
    }

    /// <summary>
    /// The principal the session cookie carries: the shape of every Pulse identity (<see cref="PulseClaims"/>). Every brand:
    /// the provider says nothing of teams yet (a brands claim is a later setting).
    /// </summary>
    public ClaimsPrincipal Principal(PulseRole role) => PulseClaims.Principal(PulseSchemes.Cookie, PulseClaims.OidcKind, Id, Name, role, []);

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
