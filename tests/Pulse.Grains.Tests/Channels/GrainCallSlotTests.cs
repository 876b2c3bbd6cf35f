using Pulse.Grains.Channels;

namespace Pulse.Grains.Tests.Channels;

public sealed class GrainCallSlotTests
{
    [Fact]
    public void A_call_in_flight_is_busy_and_has_no_outcome_yet()
    {
        var slot = new GrainCallSlot();
        var call = new TaskCompletionSource<int>();

        slot.Start(call.Task);

        Assert.True(slot.Busy);
        Assert.Null(slot.TakeEnded(out var failure));
        Assert.Null(failure);
        Assert.Throws<InvalidOperationException>(() => slot.Start(Task.CompletedTask));
    }

    [Fact]
    public async Task An_ended_call_is_taken_once_with_its_result()
    {
        var slot = new GrainCallSlot();
        slot.Start(Task.FromResult(7));

        var ended = slot.TakeEnded(out var failure);

        Assert.False(slot.Busy);
        Assert.Null(failure);
        Assert.Equal(7, await Assert.IsType<Task<int>>(ended, exactMatch: false));
        Assert.Null(slot.TakeEnded(out _));
    }

    [Fact]
    public void A_failed_call_gives_its_exception_and_frees_the_slot()
    {
        var slot = new GrainCallSlot();
        slot.Start(Task.FromException<int>(new TimeoutException("silo gone")));

        Assert.NotNull(slot.TakeEnded(out var failure));

        Assert.IsType<TimeoutException>(failure);
        slot.Start(Task.CompletedTask); // free for the next call
    }
}
