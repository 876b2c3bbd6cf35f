using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class PartitionReplayTests
{
    private static readonly LogPosition P1 = new(101, 0);
    private static readonly LogPosition P2 = new(102, 0);
    private static readonly LogPosition P3 = new(103, 0);

    [Fact]
    public void The_first_batch_of_a_pass_names_no_predecessor_and_each_later_one_names_the_last_sent_to_that_grain()
    {
        var replay = new PartitionReplay();

        Assert.Null(replay.Previous("b/x"));
        Assert.True(replay.Answered("b/x", P1, previous: null, before: null));
        Assert.Equal(P1, replay.Previous("b/x"));
        Assert.Null(replay.Previous("b/y")); // per grain
    }

    [Fact]
    public void A_grain_that_already_held_a_replayed_batch_holds_it_for_the_next()
    {
        var replay = new PartitionReplay();

        // It held up to P3 before the pass: it skips P1 and P2, and still holds them.
        Assert.True(replay.Answered("b/x", P1, previous: null, before: P3));
        Assert.True(replay.Answered("b/x", P2, previous: P1, before: P3));
        Assert.Equal(P2, replay.Previous("b/x"));
    }

    [Fact]
    public void A_grain_that_lost_a_batch_of_this_pass_refuses_the_next_and_the_pass_must_start_over()
    {
        var replay = new PartitionReplay();
        Assert.True(replay.Answered("b/x", P1, previous: null, before: null));
        Assert.True(replay.Answered("b/x", P2, previous: P1, before: P1));

        // Its silo died: it came back from a checkpoint without P1 and P2, and refused P3.
        Assert.False(replay.Answered("b/x", P3, previous: P2, before: null));
        Assert.False(new PartitionReplay().Answered("b/x", P3, previous: P2, before: P1));
    }
}
