using Pulse.Analytics.Detection;

namespace Pulse.Analytics.Tests.Detection;

/// <summary>The peak ring is only allocated once something other than zero completes a slot; the answers do not change.</summary>
public sealed class RecentPeakMemoryTests
{
    [Fact]
    public void NothingSeenIsNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, new RecentPeak(4, 2).Peak);
    }

    [Fact]
    public void CompletedZeroSlotsPeakAtZero()
    {
        var peak = new RecentPeak(4, 2);
        for (int i = 0; i < 20; i++)
        {
            peak.Add(0);
        }

        Assert.Equal(0, peak.Peak);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    public void AfterZeroSlotsAValueIsPeakedAndAgesOutAsBefore(int zeroSlots)
    {
        // 4 slots of 2 buckets: a value is remembered for the current slot plus four completed ones.
        var peak = new RecentPeak(4, 2);
        for (int i = 0; i < zeroSlots * 2; i++)
        {
            peak.Add(0);
        }

        peak.Add(7);
        peak.Add(0);
        Assert.Equal(7, peak.Peak);

        for (int slot = 0; slot < 3; slot++)
        {
            peak.Add(0);
            peak.Add(0);
            Assert.Equal(7, peak.Peak);
        }

        peak.Add(0);
        peak.Add(0);
        Assert.Equal(0, peak.Peak);
    }

    [Fact]
    public void UnseenSlotsDoNotCountAsZeroOnceAllocated()
    {
        var peak = new RecentPeak(4, 1);
        peak.Add(-5); // a completed slot other than zero allocates the ring with the rest still unseen

        Assert.Equal(-5, peak.Peak);
    }
}
