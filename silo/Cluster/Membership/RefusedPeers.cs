namespace Pulse.Silo.Cluster.Membership;

/// <summary>
/// Counts, per peer, consecutive connection attempts that were refused, and says when a peer has refused often enough to
/// be declared dead: <paramref name="limit"/> refusals in a row, the same count Orleans' probes need
/// (ClusterMembershipOptions.NumMissedProbesLimit). A refusal is proof that nothing listens at the peer's address; a
/// timeout is not (a slow or partitioned peer), so only refusals count and anything else starts the count again.
/// </summary>
internal sealed class RefusedPeers<TPeer>(int limit)
    where TPeer : notnull
{
    private readonly Dictionary<TPeer, int> _refusals = [];

    /// <summary>Records one attempt; true once <paramref name="peer"/> has refused <c>limit</c> times in a row.</summary>
    public bool Observe(TPeer peer, bool refused)
    {
        if (!refused)
        {
            _refusals.Remove(peer);
            return false;
        }

        var count = _refusals[peer] = _refusals.GetValueOrDefault(peer) + 1;
        return count >= limit;
    }

    /// <summary>Forgets peers that are no longer candidates (left, or already declared dead).</summary>
    public void KeepOnly(IReadOnlyCollection<TPeer> peers)
    {
        foreach (var peer in _refusals.Keys.Where(p => !peers.Contains(p)).ToList())
        {
            _refusals.Remove(peer);
        }
    }
}
