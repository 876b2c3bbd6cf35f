using System.Security.Claims;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Whether the caller behind an open hub connection may still listen. A connection is authenticated once, when it opens,
/// and may stay open for a whole shift: without a re-check, a revoked key or a deleted account would keep receiving
/// live brand data. The host that knows identities registers its own; the default keeps everyone.
/// </summary>
public interface IHubCallerCheck
{
    Task<bool> IsCurrentAsync(ClaimsPrincipal caller, CancellationToken cancellationToken);
}

/// <summary>A host without identities: every caller stays.</summary>
internal sealed class EveryCallerCurrent : IHubCallerCheck
{
    public Task<bool> IsCurrentAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) => Task.FromResult(true);
}
