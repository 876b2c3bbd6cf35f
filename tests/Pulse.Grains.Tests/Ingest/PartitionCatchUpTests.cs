using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class PartitionCatchUpTests
{
    private static readonly LogPosition P1 = new(101, 0);
    private static readonly LogPosition P2 = new(102, 0);
    private static readonly LogPosition P3 = new(103, 0);

    [Fact]
    public void A_new_activation_replays_up_to_its_first_batch_and_then_sends_as_is()
    {
        var catchUp = new PartitionCatchUp();

        Assert.Equal(P1, catchUp.ReplayUpTo(P1));
        Assert.Null(catchUp.Pending); // nothing failed: the first batch carries the replay
        catchUp.Replayed();
        Assert.Null(catchUp.ReplayUpTo(P2));
    }

    [Fact]
    public void After_a_failed_batch_the_next_one_goes_out_only_through_a_replay_that_includes_the_failed_one()
    {
        var catchUp = new PartitionCatchUp();
        catchUp.Replayed();

        catchUp.Failed(P2);

        Assert.Equal(P3, catchUp.ReplayUpTo(P3));
        Assert.Equal(P2, catchUp.ReplayUpTo(P1)); // an older redelivery still replays past the failed batch
    }

    [Fact]
    public void A_failed_batch_that_no_newer_batch_follows_is_left_to_the_commit_timer()
    {
        var catchUp = new PartitionCatchUp();
        catchUp.Replayed();
        catchUp.Failed(P3);
        catchUp.Failed(P1);

        Assert.Equal(P3, catchUp.Pending);
        catchUp.Replayed();
        Assert.Null(catchUp.Pending);
        Assert.Null(catchUp.ReplayUpTo(P3));
    }

    [Fact]
    public void A_new_activation_behind_its_log_replays_without_waiting_for_a_batch()
    {
        var catchUp = new PartitionCatchUp();

        catchUp.Behind(P3);

        Assert.Equal(P3, catchUp.Pending);
        Assert.Equal(P3, catchUp.ReplayUpTo(P1)); // a batch the stream still delivers replays at least that far
    }
}
