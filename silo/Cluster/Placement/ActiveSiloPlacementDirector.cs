using Orleans.Runtime.Placement;
using Pulse.Silo.Cluster.Membership;

namespace Pulse.Silo.Cluster.Placement;

/// <summary>
/// Places like <see cref="ResourceOptimizedPlacement"/> (Orleans' default), through a context whose compatible silos fall
/// back to the active members when the cluster manifest lists none for the grain type (see <see cref="ActiveSiloPlacement"/>).
/// </summary>
internal sealed partial class ActiveSiloPlacementDirector(
    [FromKeyedServices(typeof(ResourceOptimizedPlacement))] IPlacementDirector resourceOptimized,
    IClusterMembershipService membership,
    ILogger<ActiveSiloPlacementDirector> logger) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context) =>
        resourceOptimized.OnAddActivation(strategy, target, new FallbackContext(context, this));

    private SiloAddress[] Fallback(PlacementTarget target, Exception? manifestError)
    {
        SiloAddress[] active = [.. membership.CurrentSnapshot.ActiveSilos()];
        LogManifestListsNone(target.GrainIdentity.Type.ToString() ?? "?", active.Length, manifestError?.Message ?? "empty list");
        return active;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster manifest lists no silo for grain type {GrainType}; placing among the {Active} active silos instead ({Reason})")]
    private partial void LogManifestListsNone(string grainType, int active, string reason);

    private sealed class FallbackContext(IPlacementContext inner, ActiveSiloPlacementDirector director) : IPlacementContext
    {
        public SiloAddress LocalSilo => inner.LocalSilo;

        public SiloStatus LocalSiloStatus => inner.LocalSiloStatus;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target)
        {
            try
            {
                var silos = inner.GetCompatibleSilos(target);
                return silos.Length > 0 ? silos : director.Fallback(target, manifestError: null);
            }
            catch (OrleansException ex) when (ex.Message.StartsWith("No active nodes are compatible", StringComparison.Ordinal))
            {
                // PlacementService throws this when its manifest view has no silo for the type.
                return director.Fallback(target, ex);
            }
        }

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
            inner.GetCompatibleSilosWithVersions(target);
    }
}
