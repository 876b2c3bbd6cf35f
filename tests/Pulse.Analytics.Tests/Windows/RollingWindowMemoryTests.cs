using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>The ring holds only the buckets its mentions span, and gives them up once they age out.</summary>
public sealed class RollingWindowMemoryTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void ANewRingHoldsNoBuckets()
    {
        Assert.Equal(0, new RollingWindow(Second, 120).Allocated);
    }

    [Fact]
    public void AFewMentionsCloseTogetherHoldAFewBuckets()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(2));
        window.Add(AtSeconds(3));

        Assert.Equal(3, window.Allocated); // sparse: the three buckets, not the four slots they span
        Assert.Equal(3, window.Sum(T0.AddSeconds(3), TimeSpan.FromSeconds(10)).Count);
    }

    [Fact]
    public void MentionsSpreadOverTheHorizonGrowTheRingToItsCapacity()
    {
        var window = new RollingWindow(Second, 120);
        for (int s = 0; s < 120; s += 7)
        {
            window.Add(AtSeconds(s));
        }

        Assert.Equal(120, window.Allocated);
    }

    [Fact]
    public void TrimDropsARingQuietForItsHorizon()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(30));

        window.Trim(T0.AddSeconds(150));

        Assert.Equal(0, window.Allocated);
        Assert.Equal(0, window.Sum(T0.AddSeconds(150), TimeSpan.FromMinutes(2)).Count);
    }

    [Fact]
    public void TrimKeepsWhatIsStillInsideTheHorizon()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(100));

        window.Trim(T0.AddSeconds(110));

        Assert.Equal(2, window.Sum(T0.AddSeconds(110), TimeSpan.FromMinutes(2)).Count);
    }

    [Fact]
    public void TrimShrinksARingWhoseRemainingBucketsFitAQuarterOfIt()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(100));
        window.Add(AtSeconds(101));

        window.Trim(T0.AddSeconds(125));

        Assert.InRange(window.Allocated, 1, 30);
        Assert.Equal(2, window.Sum(T0.AddSeconds(125), TimeSpan.FromMinutes(2)).Count);
    }

    [Fact]
    public void ADroppedRingReappearsWithCorrectSums()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Trim(T0.AddSeconds(600));

        window.Add(AtSeconds(600));
        window.Add(AtSeconds(601));
        window.Add(AtSeconds(599.5)); // late, and before the dropped ring's head moved

        Assert.Equal(3, window.Sum(T0.AddSeconds(601), TimeSpan.FromSeconds(5)).Count);
        Assert.Equal(3, window.Sum(T0.AddSeconds(601), TimeSpan.FromHours(1)).Count);
    }

    [Fact]
    public void LateMentionsBeforeTheHeldBucketsGrowTheRingBackwards()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(100));
        window.Add(AtSeconds(20));

        Assert.Equal(2, window.Sum(T0.AddSeconds(100), TimeSpan.FromMinutes(2)).Count);
        Assert.Equal(1, window.Sum(T0.AddSeconds(100), TimeSpan.FromSeconds(10)).Count);
    }

    /// <summary>Against a plain list of every accepted mention: sums, series and exports agree at every step, whatever
    /// the ring's size in memory, with late mentions and trims mixed in.</summary>
    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SumsMatchAPlainListWhateverTheRingHolds(int seed)
    {
        var random = new Random(seed);
        const int Capacity = 60;
        var window = new RollingWindow(Second, Capacity);
        var accepted = new List<long>();
        long head = -1;
        double now = 0;
        for (int step = 0; step < 3000; step++)
        {
            now += random.Next(4) == 0 ? random.NextDouble() * 90 : random.NextDouble() * 2;
            double at = random.Next(5) == 0 ? now - (random.NextDouble() * 80) : now;
            long slot = T0.AddSeconds(at).UtcTicks / Second.Ticks;
            bool expected = slot > head - Capacity;
            Assert.Equal(expected, window.Add(AtSeconds(at)));
            if (expected)
            {
                accepted.Add(slot);
                head = Math.Max(head, slot);
            }

            if (random.Next(10) == 0)
            {
                window.Trim(T0.AddSeconds(now));
            }

            var nowTime = T0.AddSeconds(now);
            long nowSlot = nowTime.UtcTicks / Second.Ticks;
            foreach (var span in new[] { 5, 30, 60, 600 })
            {
                long from = Math.Max(nowSlot - Math.Min(span, Capacity), head - Capacity);
                int reference = accepted.Count(s => s > from && s <= nowSlot);
                Assert.Equal(reference, window.Sum(nowTime, TimeSpan.FromSeconds(span)).Count);
            }

            var series = new Bucket[Capacity];
            window.CopySeries(nowTime, series);
            for (int i = 0; i < Capacity; i++)
            {
                long s = nowSlot - Capacity + 1 + i;
                Assert.Equal(s > head - Capacity ? accepted.Count(a => a == s) : 0, series[i].Count);
            }

            Assert.InRange(window.Allocated, 0, Capacity);
            if (step % 50 == 0)
            {
                var restored = RollingWindow.Restore(window.Export());
                Assert.Equal(window.Sum(nowTime, TimeSpan.FromSeconds(60)).Count, restored.Sum(nowTime, TimeSpan.FromSeconds(60)).Count);
                Assert.True(restored.Allocated <= window.Allocated);
            }
        }
    }

    [Fact]
    public void AFewMentionsSpreadOverTheHorizonHoldOnlyTheirBuckets()
    {
        var window = new RollingWindow(Second, 120);
        window.Add(AtSeconds(0));
        window.Add(AtSeconds(29));
        window.Add(AtSeconds(60));

        Assert.Equal(3, window.Allocated);
        Assert.Equal(2, window.Sum(T0.AddSeconds(60), TimeSpan.FromSeconds(32)).Count);
    }

    [Fact]
    public void ANinthBucketMakesTheRingDenseAndTrimMakesItSparseAgain()
    {
        var window = new RollingWindow(Second, 120);
        for (int s = 0; s <= RollingWindow.SparseLimit * 2; s += 2)
        {
            window.Add(AtSeconds(s));
        }

        Assert.True(window.Allocated > RollingWindow.SparseLimit);

        window.Trim(T0.AddSeconds(119 + 14)); // the buckets at 14 and 16 s are still inside the horizon
        Assert.Equal(2, window.Allocated);
        Assert.Equal(2, window.Sum(T0.AddSeconds(133), TimeSpan.FromMinutes(2)).Count);
    }
}
