using Pulse.Silo.Cluster.Membership;

namespace Pulse.Silo.Tests.Cluster;

public sealed class RefusedPeersTests
{
    [Fact]
    public void A_peer_is_declared_dead_after_the_limit_of_refusals_in_a_row()
    {
        var peers = new RefusedPeers<string>(limit: 3);

        Assert.False(peers.Observe("c", refused: true));
        Assert.False(peers.Observe("c", refused: true));
        Assert.True(peers.Observe("c", refused: true));
    }

    [Fact]
    public void Anything_but_a_refusal_starts_the_count_again()
    {
        var peers = new RefusedPeers<string>(limit: 3);
        peers.Observe("c", refused: true);
        peers.Observe("c", refused: true);

        Assert.False(peers.Observe("c", refused: false)); // answered, or timed out: not proof of death
        Assert.False(peers.Observe("c", refused: true));
        Assert.False(peers.Observe("c", refused: true));
        Assert.True(peers.Observe("c", refused: true));
    }

    [Fact]
    public void Peers_count_separately_and_those_no_longer_listed_are_forgotten()
    {
        var peers = new RefusedPeers<string>(limit: 2);
        peers.Observe("b", refused: true);
        peers.Observe("c", refused: true);

        peers.KeepOnly(["c"]);

        Assert.False(peers.Observe("b", refused: true));
        Assert.True(peers.Observe("c", refused: true));
    }
}
