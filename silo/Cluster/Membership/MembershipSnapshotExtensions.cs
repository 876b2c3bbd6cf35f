namespace Pulse.Silo.Cluster.Membership;

internal static class MembershipSnapshotExtensions
{
    /// <summary>The silos this membership view reports active.</summary>
    public static IEnumerable<SiloAddress> ActiveSilos(this ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
}
