using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

public sealed class RecentMentionIdsTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new();

    private RecentMentionIds NewIds() => new(Horizon, _time);

    [Fact]
    public void ANewIdIsAccepted()
    {
        Assert.True(NewIds().TryAdd("x:1"));
    }

    [Fact]
    public void ADuplicateIdIsRejected()
    {
        var ids = NewIds();
        ids.TryAdd("x:1");

        Assert.False(ids.TryAdd("x:1"));
    }

    [Fact]
    public void ADifferentIdIsAccepted()
    {
        var ids = NewIds();
        ids.TryAdd("x:1");

        Assert.True(ids.TryAdd("x:2"));
        Assert.True(ids.TryAdd("X:1"));
    }

    // Where in a generation an id arrives must not shorten how long it is remembered.
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.5)]
    public void AnIdIsRememberedForAtLeastOneHorizon(double arrivalInHorizons)
    {
        var ids = NewIds();
        _time.Advance(Horizon * arrivalInHorizons);
        ids.TryAdd("x:1");

        _time.Advance(Horizon - TimeSpan.FromTicks(1));

        Assert.False(ids.TryAdd("x:1"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.5)]
    public void AnIdIsForgottenAfterTwoHorizons(double arrivalInHorizons)
    {
        var ids = NewIds();
        _time.Advance(Horizon * arrivalInHorizons);
        ids.TryAdd("x:1");

        _time.Advance(Horizon * 2);

        Assert.True(ids.TryAdd("x:1"));
    }

    [Fact]
    public void SeeingAnIdAgainKeepsItRememberedAHorizonAfterTheLatestSighting()
    {
        var ids = NewIds();
        ids.TryAdd("x:1");
        _time.Advance(Horizon * 1.5);
        ids.TryAdd("x:1");

        _time.Advance(Horizon * 0.9); // 2.4 horizons after the first sighting, 0.9 after the latest

        Assert.False(ids.TryAdd("x:1"));
    }

    [Fact]
    public void CountIsTheNumberOfDistinctIdsRemembered()
    {
        var ids = NewIds();
        ids.TryAdd("x:1");
        ids.TryAdd("x:2");
        _time.Advance(Horizon);
        ids.TryAdd("x:3");
        ids.TryAdd("x:1");

        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void CountDropsToZeroOnceEverythingIsForgotten()
    {
        var ids = NewIds();
        ids.TryAdd("x:1");
        ids.TryAdd("x:2");

        _time.Advance(Horizon * 2);

        Assert.Equal(0, ids.Count);
    }

    [Fact]
    public void TheHorizonMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentMentionIds(TimeSpan.Zero, _time));
    }
}
