using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

public sealed class RecentMentionIdsStateTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new();

    /// <summary>Another process: the same wall clock, an unrelated monotonic timestamp origin.</summary>
    private sealed class OtherProcessClock(FakeTimeProvider wall) : TimeProvider
    {
        private const long Origin = 987_654_321_000L;

        public override DateTimeOffset GetUtcNow() => wall.GetUtcNow();

        public override long GetTimestamp() => Origin + wall.GetTimestamp();

        public override long TimestampFrequency => wall.TimestampFrequency;
    }

    [Fact]
    public void AnIdSeenBeforeTheCheckpointIsADuplicateAfterTheRestore()
    {
        var ids = new RecentMentionIds(Horizon, _time);
        ids.TryAdd("x:1");
        var state = ids.Export();
        _time.Advance(TimeSpan.FromSeconds(30));

        var restored = RecentMentionIds.Restore(state, Horizon, new OtherProcessClock(_time));

        Assert.False(restored.TryAdd("x:1"));
        Assert.True(restored.TryAdd("x:2"));
    }

    // The restored set forgets exactly when the original does, wherever in its generation the export
    // fell and however long the grain was down.
    [Theory]
    [InlineData(0.1, 0.0)]
    [InlineData(0.1, 0.5)]
    [InlineData(0.9, 0.05)]
    [InlineData(1.5, 0.7)]
    [InlineData(1.5, 1.2)]
    [InlineData(1.95, 3.0)]
    public void ARestoredSetForgetsExactlyWhenTheOriginalDoes(double exportAtHorizons, double downForHorizons)
    {
        var ids = new RecentMentionIds(Horizon, _time);
        for (int i = 0; i < 20; i++)
        {
            _time.Advance(Horizon * (exportAtHorizons / 20));
            ids.TryAdd($"x:{i}");
        }

        var state = ids.Export();
        _time.Advance(Horizon * downForHorizons);
        var restored = RecentMentionIds.Restore(state, Horizon, new OtherProcessClock(_time));

        for (int step = 0; step < 30; step++)
        {
            Assert.Equal(ids.Count, restored.Count);
            _time.Advance(Horizon * 0.1);
        }
    }

    [Fact]
    public void AnIdOfThePreviousGenerationIsForgottenWhenTheNextGenerationBegins()
    {
        var ids = new RecentMentionIds(Horizon, _time);
        _time.Advance(Horizon * 0.5);
        ids.TryAdd("x:1"); // generation 0, remembered until generation 2 begins at 2 horizons
        _time.Advance(Horizon * 0.9);
        var restored = RecentMentionIds.Restore(ids.Export(), Horizon, new OtherProcessClock(_time));

        _time.Advance((Horizon * 0.6) - TimeSpan.FromTicks(1));
        Assert.Equal(1, restored.Count);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(0, restored.Count);
    }

    [Fact]
    public void EverythingIsForgottenWhenTheGrainWasDownForTwoHorizons()
    {
        var ids = new RecentMentionIds(Horizon, _time);
        ids.TryAdd("x:1");
        var state = ids.Export();
        _time.Advance(Horizon * 2);

        var restored = RecentMentionIds.Restore(state, Horizon, _time);

        Assert.Equal(0, restored.Count);
        Assert.True(restored.TryAdd("x:1"));
    }

    [Fact]
    public void AClockBehindTheExportersCountsAsNoTimePassed()
    {
        var ids = new RecentMentionIds(Horizon, _time);
        ids.TryAdd("x:1");
        var state = ids.Export();
        var behind = new FakeTimeProvider(_time.GetUtcNow() - TimeSpan.FromMinutes(3));

        var restored = RecentMentionIds.Restore(state, Horizon, behind);
        behind.Advance(Horizon - TimeSpan.FromTicks(1));

        Assert.False(restored.TryAdd("x:1"));
    }

    [Fact]
    public void UnderANewHorizonEverySavedIdIsRememberedForAtLeastThatHorizon()
    {
        var ids = new RecentMentionIds(Horizon, _time);
        ids.TryAdd("x:1");
        _time.Advance(Horizon * 1.5);
        ids.TryAdd("x:2");
        var state = ids.Export();
        var longer = Horizon * 3;

        var restored = RecentMentionIds.Restore(state, longer, _time);
        _time.Advance(longer - TimeSpan.FromTicks(1));

        Assert.False(restored.TryAdd("x:1"));
        Assert.False(restored.TryAdd("x:2"));
    }

    [Fact]
    public void AnEmptySetRoundTrips()
    {
        var state = new RecentMentionIds(Horizon, _time).Export();

        var restored = RecentMentionIds.Restore(state, Horizon, _time);

        Assert.Empty(state.Current);
        Assert.Empty(state.Previous);
        Assert.Equal(0, restored.Count);
        Assert.True(restored.TryAdd("x:1"));
    }

    [Fact]
    public void APositionOutsideItsGenerationIsRejected()
    {
        var state = new RecentMentionIdsState(Horizon, _time.GetUtcNow(), Horizon, [1UL], []);

        Assert.Throws<ArgumentException>(() => RecentMentionIds.Restore(state, Horizon, _time));
    }
}
