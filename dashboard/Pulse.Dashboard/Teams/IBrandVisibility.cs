using System.Security.Claims;

namespace Pulse.Dashboard.Teams;

/// <summary>
/// Which brands a caller may see (its team): the hub and every read API ask it over the caller's principal. The host
/// registers an implementation that knows its identities (the silo's reads its brand claims), so this project stays free
/// of keys, roles and sign-in; <see cref="EveryBrandVisible"/> is the default of a host without teams.
/// </summary>
public interface IBrandVisibility
{
    BrandScope ScopeOf(ClaimsPrincipal caller);
}
