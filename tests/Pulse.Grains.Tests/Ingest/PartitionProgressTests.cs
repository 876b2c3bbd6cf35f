using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class PartitionProgressTests
{
    private static readonly LogPosition Commit = new(100, 0);

    [Fact]
    public void A_grain_that_holds_what_was_sent_is_intact()
    {
        var progress = new PartitionProgress(Commit);

        Assert.True(progress.Delivered("b/x", new LogPosition(101, 0), appliedBefore: null));
        Assert.True(progress.Delivered("b/x", new LogPosition(102, 0), appliedBefore: new LogPosition(101, 0)));
        Assert.Equal(new LogPosition(102, 0), progress.LastSent("b/x"));
        Assert.True(progress.IsIntact("b/x", new LogPosition(102, 0)));
    }

    [Fact]
    public void A_grain_that_lost_a_delivery_since_the_commit_is_a_gap()
    {
        var progress = new PartitionProgress(Commit);
        progress.Delivered("b/x", new LogPosition(101, 0), appliedBefore: null);

        // Reactivated from a checkpoint older than what was sent: it answers with less than the partition sent it.
        Assert.False(progress.Delivered("b/x", new LogPosition(103, 0), appliedBefore: new LogPosition(99, 0)));
        Assert.False(progress.IsIntact("b/x", null));
        Assert.False(progress.IsIntact("b/x", new LogPosition(102, 5)));
    }

    [Fact]
    public void Grains_not_fed_since_the_commit_have_nothing_to_lose()
    {
        var progress = new PartitionProgress(Commit);

        Assert.True(progress.IsIntact("other/x", null));
        Assert.Null(progress.LastSent("other/x"));
    }

    [Fact]
    public void A_commit_moves_to_the_last_processed_batch_and_forgets_what_was_sent()
    {
        var progress = new PartitionProgress(Commit);
        progress.Delivered("b/x", new LogPosition(105, 0), appliedBefore: null);
        progress.Processing(new LogPosition(105, 0));
        progress.Processing(new LogPosition(104, 0)); // a replayed, older batch does not move it back

        Assert.True(progress.IsProcessed(new LogPosition(105, 0)));
        Assert.False(progress.IsProcessed(new LogPosition(105, 1)));
        progress.Commit(progress.Processed);

        Assert.Equal(new LogPosition(105, 0), progress.Committed);
        Assert.Equal(0, progress.Pending);
        Assert.Null(progress.LastSent("b/x"));
    }

    [Fact]
    public void A_commit_behind_the_last_batch_keeps_tracking_grains_sent_something_after_it()
    {
        // The archive wrote up to 103 while 105 was already sent: 103 is committed, and the grain fed 105 must still hold it.
        var progress = new PartitionProgress(Commit);
        progress.Delivered("early/x", new LogPosition(102, 0), appliedBefore: null);
        progress.Delivered("late/x", new LogPosition(103, 0), appliedBefore: null);
        progress.Delivered("late/x", new LogPosition(105, 0), appliedBefore: new LogPosition(103, 0));
        progress.Processing(new LogPosition(105, 0));

        progress.Commit(new LogPosition(103, 0));

        Assert.Equal(new LogPosition(103, 0), progress.Committed);
        Assert.Equal(new LogPosition(105, 0), progress.Processed);
        Assert.Null(progress.LastSent("early/x"));
        Assert.Equal(new LogPosition(105, 0), progress.LastSent("late/x"));
        Assert.False(progress.IsIntact("late/x", new LogPosition(103, 0)));
        Assert.Equal(["late/x"], progress.GrainsSinceCommit);
    }

    [Fact]
    public void A_commit_past_the_last_processed_batch_is_refused()
    {
        var progress = new PartitionProgress(Commit);
        progress.Processing(new LogPosition(101, 0));

        Assert.Throws<ArgumentOutOfRangeException>(() => progress.Commit(new LogPosition(102, 0)));
        Assert.Equal(Commit, progress.Committed);
    }
}
