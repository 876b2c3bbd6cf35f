using Pulse.Analytics.Feeds;
using Pulse.Testing;

namespace Pulse.Analytics.Tests.Feeds;

/// <summary>A feed has stopped when its exact zeros are improbable under Poisson at its rate, and longer than its usual silences.</summary>
public sealed class FeedMonitorTests
{
    /// <summary>The live settings: 5-second buckets, 3-minute warm-up, chance once a year.</summary>
    private static readonly FeedMonitorSettings Live = FeedMonitorSettings.For(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3), TimeSpan.FromDays(365));

    [Fact]
    public void Live_settings_judge_on_the_trailing_hour_after_the_warm_up_with_a_once_a_year_budget()
    {
        Assert.Equal((36, 720), (Live.WarmUpBuckets, Live.HistoryBuckets));
        Assert.Equal(Math.Log(365 * 86_400 / 5.0), Live.EvidenceThreshold, 9); // ≈ 15.7 mentions missed
        Assert.Equal(8_640, FeedMonitorSettings.For(TimeSpan.FromSeconds(5), TimeSpan.FromHours(12), TimeSpan.FromDays(365)).HistoryBuckets);
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1, 2)]
    [InlineData(5, 3)]
    [InlineData(200, 4)]
    public void A_day_of_Poisson_traffic_never_counts_as_a_stopped_feed(double perBucket, int seed)
    {
        var monitor = new FeedMonitor(Live);
        var random = new Random(seed);

        var changes = Enumerable.Range(0, 17_280).Select(_ => monitor.Observe(PoissonDraw.Next(random, perBucket))).ToList();

        Assert.DoesNotContain(FeedChange.Stopped, changes);
    }

    [Theory]
    [InlineData(20, 1)] // 20 missed ≥ 15.7: one empty bucket is enough
    [InlineData(2, 8)] // 2 a bucket: eight empty buckets (16 missed)
    [InlineData(0.5, 32)]
    public void A_steady_feed_that_stops_is_a_stopped_feed_once_the_missed_mentions_are_beyond_chance(double perBucket, int expectedBuckets)
    {
        var monitor = Watched(perBucket, buckets: 720);

        var stoppedAfter = Silence(monitor, 100);

        Assert.Equal(expectedBuckets, stoppedAfter);
        Assert.True(monitor.Stopped);
        Assert.Equal(perBucket, monitor.ExpectedPerBucket, 9);
    }

    [Fact]
    public void A_feed_watched_for_less_than_the_warm_up_is_not_judged()
    {
        var monitor = Watched(100, buckets: Live.WarmUpBuckets - 1);

        Assert.Equal(0, Silence(monitor, 200));
    }

    [Fact]
    public void A_silence_longer_than_the_history_it_is_judged_against_is_not_judged()
    {
        // 0.5 a bucket needs 32 empty buckets: 32 buckets of history can show whether that is unusual, 31 cannot.
        var settings = Live with { WarmUpBuckets = 10 };

        Assert.Equal(32, Silence(Watched(0.5, buckets: 32, settings), 100));
        Assert.Equal(0, Silence(Watched(0.5, buckets: 30, settings), 100));
    }

    [Fact]
    public void A_feed_that_arrives_in_batches_stops_only_when_a_batch_is_missed()
    {
        // An RSS poll every five minutes: 600 mentions in one bucket, then 59 empty ones.
        var monitor = new FeedMonitor(Live);
        for (var poll = 0; poll < 24; poll++)
        {
            Assert.Equal(FeedChange.None, monitor.Observe(600));
            for (var i = 0; i < 59; i++)
            {
                Assert.Equal(FeedChange.None, monitor.Observe(0));
            }
        }

        Assert.Equal(FeedChange.None, monitor.Observe(600));
        Assert.Equal(60, Silence(monitor, 200)); // the first silence longer than any before
    }

    [Fact]
    public void A_stopped_feed_resumes_with_its_first_mention_and_its_outage_does_not_make_the_next_one_familiar()
    {
        var monitor = Watched(20, buckets: 720);
        Assert.Equal(1, Silence(monitor, 30)); // a 150-second outage

        Assert.Equal(FeedChange.Resumed, monitor.Observe(20));
        Assert.False(monitor.Stopped);
        for (var i = 0; i < 100; i++)
        {
            monitor.Observe(20);
        }

        Assert.Equal(1, Silence(monitor, 5));
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedMonitor(Live).Observe(-1));
    }

    /// <summary>
    /// A monitor that has seen <paramref name="buckets"/> buckets at exactly <paramref name="perBucket"/> a bucket on average:
    /// never empty at one or more a bucket, else one mention every 1 / <paramref name="perBucket"/> buckets.
    /// </summary>
    private static FeedMonitor Watched(double perBucket, int buckets, FeedMonitorSettings? settings = null)
    {
        var monitor = new FeedMonitor(settings ?? Live);
        for (var i = 0; i < buckets; i++)
        {
            var count = perBucket >= 1
                ? (long)(Math.Round(perBucket * (i + 1)) - Math.Round(perBucket * i))
                : (i + 1) % (int)Math.Round(1 / perBucket) == 0 ? 1 : 0;
            Assert.Equal(FeedChange.None, monitor.Observe(count));
        }

        return monitor;
    }

    /// <summary>Feeds up to <paramref name="buckets"/> empty buckets; the number at which the feed counted as stopped, or 0.</summary>
    private static int Silence(FeedMonitor monitor, int buckets)
    {
        for (var i = 1; i <= buckets; i++)
        {
            if (monitor.Observe(0) == FeedChange.Stopped)
            {
                return i;
            }
        }

        return 0;
    }
}
