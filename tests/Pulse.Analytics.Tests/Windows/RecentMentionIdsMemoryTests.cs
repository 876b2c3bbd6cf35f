using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>The de-duplication sets give back a burst's memory once its ids have expired.</summary>
public sealed class RecentMentionIdsMemoryTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new();

    private RecentMentionIds Burst(int count)
    {
        var ids = new RecentMentionIds(Horizon, _time);
        for (int i = 0; i < count; i++)
        {
            ids.TryAdd($"x:{i}");
        }

        return ids;
    }

    [Fact]
    public void ANewInstanceHoldsNoRoom()
    {
        Assert.Equal(0, new RecentMentionIds(Horizon, _time).Capacity);
    }

    [Fact]
    public void AQuietInstanceReleasesEverythingOnceItsIdsExpire()
    {
        var ids = Burst(10_000);

        _time.Advance(Horizon * 2);
        ids.Expire();

        Assert.Equal(0, ids.Capacity);
        Assert.Equal(0, ids.Count);
    }

    [Fact]
    public void AfterABurstOnlyTheLaterIdsAreHeld()
    {
        var ids = Burst(10_000);
        _time.Advance(Horizon);
        ids.TryAdd("y:1");
        ids.TryAdd("y:2");
        _time.Advance(Horizon);

        ids.Expire();

        // The burst's set is gone; the two later ids are still remembered in a set of about their size.
        Assert.InRange(ids.Capacity, 2, 16);
        Assert.False(ids.TryAdd("y:1"));
    }

    [Fact]
    public void IdsStayRememberedAcrossTheRotationThatTrims()
    {
        var ids = Burst(100);
        _time.Advance(Horizon);

        ids.Expire();

        Assert.False(ids.TryAdd("x:0"));
        Assert.False(ids.TryAdd("x:99"));
    }
}
