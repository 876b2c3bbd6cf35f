using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using static Pulse.Analytics.Tests.Windows.Observation;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>
/// Rings that switch between sparse and dense against the always-dense ring they replaced
/// (<see cref="ReferenceRollingWindow"/>): the same mentions, late, out of order, in bursts and after long gaps, must give
/// the same sums, series and checkpoints.
/// </summary>
public sealed class RollingWindowEquivalenceTests
{
    private static readonly TimeSpan[] Spans =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromHours(30)];

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(1, 120, 1)]
    [InlineData(1, 120, 2)]
    [InlineData(60, 90, 3)]
    [InlineData(900, 100, 4)]
    [InlineData(1, 12, 5)]
    public void Answers_exactly_as_the_always_dense_ring(int resolutionSeconds, int capacity, int seed)
    {
        var random = new Random(seed);
        var resolution = TimeSpan.FromSeconds(resolutionSeconds);
        var window = new RollingWindow(resolution, capacity);
        var reference = new ReferenceRollingWindow(resolution, capacity);
        var now = T0;
        var trimmed = false;
        var series = new Bucket[capacity + 3];
        var expectedSeries = new Bucket[capacity + 3];
        var sparseSeen = false;
        var denseSeen = false;
        for (var step = 0; step < 20_000; step++)
        {
            // Quiet spells, bursts, and now and then a gap past the whole horizon.
            var pace = (step / 500) % 3;
            now += random.Next(2000) == 0 ? resolution * capacity * 2
                : pace == 0 ? resolution * random.Next(30)
                : TimeSpan.FromTicks(resolution.Ticks / (1 + random.Next(20)));
            var at = now - (resolution * random.Next(random.Next(8) == 0 ? capacity + 5 : 3)) + TimeSpan.FromTicks(random.Next(1000));
            var m = At(at, (SentimentLabel)random.Next(3), (float)random.NextDouble(), random.Next(50), random.Next(5), random.Next(5), random.Next(5_000));
            Assert.Equal(reference.Add(in m), window.Add(in m));
            var held = window.Allocated;
            sparseSeen |= held is > 0 and <= RollingWindow.SparseLimit;
            denseSeen |= held > RollingWindow.SparseLimit;

            if (random.Next(50) == 0)
            {
                window.Trim(now);
                reference.Trim(now);
                trimmed = true;
            }

            if (step % 7 == 0)
            {
                // After a trim only queries from then on must agree: what it frees, no such query can see.
                var query = now + (resolution * random.Next(3));
                foreach (var span in Spans)
                {
                    Assert.Equal(reference.Sum(query, span), window.Sum(query, span));
                }

                var length = 1 + random.Next(series.Length);
                Assert.Equal(reference.CopySeries(query, expectedSeries.AsSpan(0, length)), window.CopySeries(query, series.AsSpan(0, length)));
                Assert.Equal(expectedSeries.AsSpan(0, length).ToArray(), series.AsSpan(0, length).ToArray());

                var restored = RollingWindow.Restore(window.Export());
                Assert.Equal(reference.Sum(query, TimeSpan.FromHours(30)), restored.Sum(query, TimeSpan.FromHours(30)));
                if (!trimmed)
                {
                    var saved = window.Export();
                    var expected = reference.Export();
                    Assert.Equal(expected.Head, saved.Head);
                    Assert.Equal(expected.Ages, saved.Ages);
                    Assert.Equal(expected.Buckets, saved.Buckets);
                }
            }
        }

        Assert.True(sparseSeen && denseSeen, "both representations exercised");
    }
}
