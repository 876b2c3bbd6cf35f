using Pulse.Grains.Channels;

namespace Pulse.Grains.Tests.Channels;

public sealed class SnapshotBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_quiet_channel_publishes_a_seconds_worth_of_batches_at_once_then_one_per_interval()
    {
        var budget = new SnapshotBudget(TimeSpan.FromMilliseconds(250));

        Assert.All(Enumerable.Range(0, 4), _ => Assert.True(budget.TryTake(Start)));
        Assert.False(budget.TryTake(Start));
        Assert.False(budget.TryTake(Start.AddMilliseconds(200)));
        Assert.True(budget.TryTake(Start.AddMilliseconds(260)));
        Assert.False(budget.TryTake(Start.AddMilliseconds(300)));
    }

    [Fact]
    public void A_long_pause_does_not_save_up_more_than_a_second()
    {
        var budget = new SnapshotBudget(TimeSpan.FromMilliseconds(250));
        var later = Start.AddMinutes(10);

        var taken = Enumerable.Range(0, 10).Count(_ => budget.TryTake(later));

        Assert.Equal(4, taken);
    }
}
