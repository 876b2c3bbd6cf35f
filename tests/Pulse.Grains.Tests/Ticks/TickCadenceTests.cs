using Pulse.Grains.Ticks;

namespace Pulse.Grains.Tests.Ticks;

public sealed class TickCadenceTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(5_000, 1)]      // 1 000 brands × 5 channels: every second, as before the budget
    [InlineData(10_000, 1)]
    [InlineData(10_001, 2)]
    [InlineData(50_000, 5)]     // 10 000 brands × 5 channels
    [InlineData(500_000, 30)]   // 100 000 brands × 5 channels: capped at the slowest
    public void The_interval_keeps_the_silo_within_its_ticks_a_second(int active, int expectedSeconds)
    {
        var cadence = new TickCadence(ticksPerSecond: 10_000);
        for (var i = 0; i < active; i++)
        {
            cadence.Enter();
        }

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), cadence.Interval);
        Assert.True(active / cadence.Interval.TotalSeconds <= 10_000 || cadence.Interval == TickCadence.Slowest);
    }

    [Fact]
    public void Grains_leaving_bring_the_cadence_back()
    {
        var cadence = new TickCadence(ticksPerSecond: 100);
        for (var i = 0; i < 1_000; i++)
        {
            cadence.Enter();
        }

        Assert.Equal(TimeSpan.FromSeconds(10), cadence.Interval);
        for (var i = 0; i < 950; i++)
        {
            cadence.Leave();
        }

        Assert.Equal(50, cadence.Active);
        Assert.Equal(TimeSpan.FromSeconds(1), cadence.Interval);
    }

    [Fact]
    public void A_budget_below_one_tick_a_second_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickCadence(0));
}
