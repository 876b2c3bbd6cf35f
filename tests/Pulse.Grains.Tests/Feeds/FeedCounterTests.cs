using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pulse.Grains.Alerts;
using Pulse.Grains.Feeds;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Feeds;

/// <summary>A silo's ingested mentions per channel and bucket of arrival, handed on once the bucket is over.</summary>
public sealed class FeedCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mentions_are_counted_per_channel_in_their_bucket_of_arrival_and_drained_once_it_is_over()
    {
        var clock = new FakeTimeProvider(T0);
        var counter = new FeedCounter(Options.Create(new AlertOptions()), clock);

        counter.Count([Mention("x"), Mention("news"), Mention("x")]);
        clock.Advance(TimeSpan.FromSeconds(3));
        counter.Count([Mention("x")]);
        clock.Advance(TimeSpan.FromSeconds(3)); // the next bucket
        counter.Count([Mention("x")]);

        var drained = counter.DrainClosed(clock.GetUtcNow());

        Assert.Equal([(T0, "news", 1L), (T0, "x", 3L)], drained.Select(c => (c.BucketStart, c.Channel, c.Count)).Order());
        Assert.Empty(counter.DrainClosed(clock.GetUtcNow()));
        var next = Assert.Single(counter.DrainClosed(T0.AddSeconds(10)));
        Assert.Equal((T0.AddSeconds(5), 1L), (next.BucketStart, next.Count));
    }

    [Fact]
    public void Counts_a_report_could_not_deliver_go_with_the_next_one()
    {
        var clock = new FakeTimeProvider(T0);
        var counter = new FeedCounter(Options.Create(new AlertOptions()), clock);
        counter.Count([Mention("x"), Mention("x")]);
        var failed = counter.DrainClosed(T0.AddSeconds(5));

        counter.Return(failed);
        clock.Advance(TimeSpan.FromSeconds(5));
        counter.Count([Mention("x")]);

        Assert.Equal([(T0, 2L), (T0.AddSeconds(5), 1L)], counter.DrainClosed(T0.AddSeconds(10)).Select(c => (c.BucketStart, c.Count)).Order());
    }

    private static Mention Mention(string channel) => new(Guid.NewGuid().ToString(), channel, "text", T0);
}
