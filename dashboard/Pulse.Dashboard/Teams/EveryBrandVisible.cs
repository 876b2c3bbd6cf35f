using System.Security.Claims;

namespace Pulse.Dashboard.Teams;

/// <summary>No teams: every caller may see every brand (a host that registers no <see cref="IBrandVisibility"/> of its own).</summary>
public sealed class EveryBrandVisible : IBrandVisibility
{
    public BrandScope ScopeOf(ClaimsPrincipal caller) => BrandScope.Every;
}
