using System.Security.Claims;

namespace Pulse.Silo.Auth;

/// <summary>
/// How a caller is named where people read it, e.g. an alert's history: a person by their account name ("anna"), an
/// API key as "key:" and its name ("key:collector-1"). Account names cannot hold ':' (<c>UserNames</c>), so a key can
/// never pass for a person. Names are for reading; the audit log also keeps the stable id.
/// </summary>
public static class CallerNames
{
    public const string KeyPrefix = "key:";

    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The caller has no name: the endpoint must require an identity.");
        return user.FindFirstValue(PulseClaims.Kind) == PulseClaims.ApiKeyKind ? KeyPrefix + name : name;
    }
}
