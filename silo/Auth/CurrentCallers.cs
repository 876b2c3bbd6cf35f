using System.Security.Claims;
using Pulse.Dashboard.Hubs;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Auth;

/// <summary>
/// Whether a caller authenticated earlier is still who the stores say: its key not revoked, its account not deleted, its
/// role and brands unchanged. One rule for every long-lived credential: session cookies on each request
/// (<see cref="SignIn.SessionCookieEvents"/>) and open hub connections every half minute (<see cref="HubCallerRecheck"/>).
/// </summary>
internal sealed class CurrentCallers(IApiKeyStore keys, IPulseUserStore users) : IHubCallerCheck
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = caller.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = caller.FindFirstValue(ClaimTypes.Role);
        switch (caller.FindFirstValue(PulseClaims.Kind))
        {
            case PulseClaims.ApiKeyKind when id == ApiKeyAuthenticationHandler.IdPrefix + BootstrapAdminKey.Id:
                return true; // configuration owns it: it changes only with a restart
            case PulseClaims.ApiKeyKind when id is not null && id.StartsWith(ApiKeyAuthenticationHandler.IdPrefix, StringComparison.Ordinal):
                var keyId = id[ApiKeyAuthenticationHandler.IdPrefix.Length..];
                var stored = await keys.ListAsync(cancellationToken).ConfigureAwait(false);
                return stored.Any(k => k.Id == keyId && PulseRoleNames.Of(k.Role) == role && SameBrands(k.Brands, caller));
            case PulseClaims.OidcKind:
                // No local account: the provider vouched at sign-in, and the session ends unrenewed after
                // SessionCookie.SingleSignOnLifetime, when the provider is asked again (the hub closes with it).
                return true;
            case PulseClaims.UserKind when caller.FindFirstValue(ClaimTypes.Name) is { } name:
                if (name == UserNames.Setup)
                {
                    return true; // no account behind it: its ticket expires, and the hub closes with it
                }

                var user = await users.FindAsync(name, cancellationToken).ConfigureAwait(false);
                return user is not null && PulseRoleNames.Of(user.Role) == role && SameBrands(user.Brands, caller);
            default:
                return false;
        }
    }

    private static bool SameBrands(IEnumerable<string> brands, ClaimsPrincipal caller) =>
        new HashSet<string>(brands, StringComparer.Ordinal).SetEquals(PulseClaims.BrandsOf(caller));
}
