using Microsoft.AspNetCore.SignalR;
using Pulse.Grains.Brands;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Which brands a hub caller may watch. Every caller sees every brand until authentication (teams, roles) exists; then an
/// implementation reads the caller's identity from the context and the brand's team, and is registered instead of
/// <see cref="EveryBrandVisible"/>.
/// </summary>
public interface IBrandVisibility
{
    ValueTask<bool> MaySeeAsync(HubCallerContext caller, BrandDefinition brand);
}

/// <summary>No visibility rules yet: every known brand may be watched.</summary>
public sealed class EveryBrandVisible : IBrandVisibility
{
    public ValueTask<bool> MaySeeAsync(HubCallerContext caller, BrandDefinition brand) => ValueTask.FromResult(true);
}
