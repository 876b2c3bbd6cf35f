using Pulse.Silo.Archive;

namespace Pulse.Silo.Tests.Archive;

public sealed class WriteGenerationsTests
{
    [Fact]
    public async Task A_flush_with_nothing_unwritten_completes_at_once()
    {
        var generations = new WriteGenerations();
        await generations.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(generations.FlushWaiting);
    }

    [Fact]
    public void A_flush_waits_for_every_delivery_appended_before_it_whatever_order_they_are_written_in()
    {
        var generations = new WriteGenerations();
        var first = generations.Appended();
        var second = generations.Appended();
        var flush = generations.FlushAsync(CancellationToken.None);
        Assert.True(generations.FlushWaiting);

        generations.Written([second]);
        Assert.False(flush.IsCompleted);
        generations.Written([first]);
        Assert.True(flush.IsCompletedSuccessfully);
        Assert.False(generations.FlushWaiting);
    }

    [Fact]
    public void A_flush_does_not_wait_for_deliveries_appended_after_it()
    {
        var generations = new WriteGenerations();
        var before = generations.Appended();
        var flush = generations.FlushAsync(CancellationToken.None);
        var after = generations.Appended();

        generations.Written([before]);
        Assert.True(flush.IsCompletedSuccessfully);

        // The later delivery belongs to the next flush.
        var next = generations.FlushAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        generations.Written([after]);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public void An_older_flush_completes_before_a_newer_one_still_waiting()
    {
        var generations = new WriteGenerations();
        var a = generations.Appended();
        var older = generations.FlushAsync(CancellationToken.None);
        var b = generations.Appended();
        var newer = generations.FlushAsync(CancellationToken.None);

        generations.Written([a]);
        Assert.True(older.IsCompletedSuccessfully);
        Assert.False(newer.IsCompleted);
        Assert.True(generations.FlushWaiting);
        generations.Written([b]);
        Assert.True(newer.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_batch_may_carry_several_deliveries_of_one_generation()
    {
        var generations = new WriteGenerations();
        var g = generations.Appended();
        Assert.Equal(g, generations.Appended());
        var flush = generations.FlushAsync(CancellationToken.None);

        generations.Written([g]);
        Assert.False(flush.IsCompleted);
        generations.Written([g]);
        Assert.True(flush.IsCompletedSuccessfully);
    }

    [Fact]
    public void Writing_a_delivery_that_was_never_appended_is_a_bug_and_says_so()
    {
        var generations = new WriteGenerations();
        Assert.Throws<InvalidOperationException>(() => generations.Written([0]));
    }
}
