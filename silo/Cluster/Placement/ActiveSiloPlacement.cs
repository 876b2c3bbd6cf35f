namespace Pulse.Silo.Cluster.Placement;

/// <summary>
/// Cluster mode's default placement: Orleans' resource-optimized choice among the silos its cluster manifest lists for
/// the grain type, and, when that list is empty, among the silos membership reports active.
/// </summary>
/// <remarks>
/// Every silo of a Pulse cluster runs the same `pulse` binary, so every active silo hosts every grain type. An empty
/// list therefore means the manifest view is stale, not that the type is hosted nowhere; failing the placement would
/// leave a grain whose silo died unreachable until the view heals (docs/ingest-log.md, "When a silo dies").
/// </remarks>
[GenerateSerializer]
[Immutable]
public sealed class ActiveSiloPlacement : PlacementStrategy;
