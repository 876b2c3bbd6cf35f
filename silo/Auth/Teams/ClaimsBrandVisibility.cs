using System.Security.Claims;
using Pulse.Dashboard.Teams;

namespace Pulse.Silo.Auth.Teams;

/// <summary>
/// A caller's team from its <see cref="PulseClaims.Brand"/> claims: none is every brand, some are those brands. A
/// principal with no identity sees nothing, so a caller that somehow reached a read without authentication gets no data.
/// </summary>
internal sealed class ClaimsBrandVisibility : IBrandVisibility
{
    public BrandScope ScopeOf(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Identity?.IsAuthenticated != true)
        {
            return BrandScope.Only([]);
        }

        var brands = PulseClaims.BrandsOf(caller);
        return brands.Length == 0 ? BrandScope.Every : BrandScope.Only(brands);
    }
}
