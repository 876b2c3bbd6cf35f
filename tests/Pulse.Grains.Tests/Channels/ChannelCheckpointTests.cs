using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;
using Xunit.Abstractions;

namespace Pulse.Grains.Tests.Channels;

public sealed class ChannelCheckpointTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan[] Spans = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(25)];

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(ChannelCheckpoint).Assembly))
        .BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    public void Dispose() => _services.Dispose();

    private ChannelCheckpoint RoundTrip(ChannelCheckpoint checkpoint) =>
        Serializer.Deserialize<ChannelCheckpoint>(Serializer.SerializeToArray(checkpoint))!;

    [Fact]
    public void A_checkpoint_survives_the_Orleans_serializer_with_the_same_windows()
    {
        var channel = new BusyChannel(1000);

        var windows = RoundTrip(channel.Capture()).RestoreWindows(WindowLayout.Default);

        foreach (var span in Spans)
        {
            Assert.Equal(channel.Windows.Sum(channel.Now, span), windows.Sum(channel.Now, span));
        }

        Assert.Equal(1000, windows.Sum(channel.Now, TimeSpan.FromHours(25)).Count);
        foreach (var ring in channel.Windows.Windows)
        {
            var expected = new Bucket[ring.Capacity];
            var actual = new Bucket[ring.Capacity];
            ring.CopySeries(channel.Now, expected);
            windows.Resolution(ring.Resolution).CopySeries(channel.Now, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Mention_ids_seen_before_the_checkpoint_are_still_duplicates_after_it()
    {
        var channel = new BusyChannel(1000);
        var checkpoint = RoundTrip(channel.Capture());
        channel.Clock.Advance(TimeSpan.FromSeconds(20));

        var seen = checkpoint.RestoreSeen(BusyChannel.Horizon, channel.Clock);

        Assert.Equal(1000, channel.Seen.Count);
        Assert.Equal(1000, seen.Count);
        // Re-delivered mentions are recognised; a new one is not.
        Assert.All(checkpoint.Latest, m => Assert.False(seen.TryAdd(m.Mention.Id)));
        Assert.True(seen.TryAdd("bluesky:never-seen"));
    }

    [Fact]
    public void The_feed_and_the_applied_log_positions_survive_unchanged()
    {
        var channel = new BusyChannel(100, latestCapacity: 20);

        var checkpoint = RoundTrip(channel.Capture());

        Assert.Equal(channel.Applied, checkpoint.Applied);
        Assert.Equal(channel.Latest.Newest(20), checkpoint.RestoreLatest(20).Newest(20));
        Assert.Equal(channel.Latest.Newest(5), checkpoint.RestoreLatest(5).Newest(20));
    }

    [Fact]
    public void The_empty_checkpoint_restores_fresh_state()
    {
        var checkpoint = RoundTrip(new ChannelCheckpoint());
        var clock = TimeProvider.System;

        Assert.Equal(0, checkpoint.RestoreWindows(WindowLayout.Default).Sum(clock.GetUtcNow(), TimeSpan.FromHours(25)).Count);
        Assert.Equal(0, checkpoint.RestoreSeen(BusyChannel.Horizon, clock).Count);
        Assert.Empty(checkpoint.RestoreLatest(20).Newest(20));
        Assert.Empty(checkpoint.Applied);
    }

    // Written every few seconds per active grain, so its size matters. Worst case for the windows: 1 000 mentions
    // spread so that all 310 buckets are non-empty; 1 000 remembered ids and a full feed of 20 mentions.
    [Fact]
    public void A_busy_grain_checkpoints_in_a_few_tens_of_kilobytes()
    {
        var channel = new BusyChannel(1000);
        var checkpoint = channel.Capture();
        int total = Serializer.SerializeToArray(checkpoint).Length;
        int windows = Serializer.SerializeToArray(checkpoint with { Seen = SeenIdsCheckpoint.Empty, Latest = [] }).Length;
        int ids = Serializer.SerializeToArray(checkpoint with { Windows = [], Latest = [] }).Length;
        int latest = Serializer.SerializeToArray(checkpoint with { Windows = [], Seen = SeenIdsCheckpoint.Empty }).Length;
        int quiet = Serializer.SerializeToArray(new BusyChannel(10).Capture()).Length;
        output.WriteLine($"busy grain: {total} bytes (windows {windows} with {checkpoint.Windows.Sum(w => w.Buckets.Length)} buckets, " +
                         $"1000 ids {ids}, 20 latest mentions {latest}); quiet grain with 10 mentions: {quiet} bytes");

        Assert.Equal(310, checkpoint.Windows.Sum(w => w.Buckets.Length));
        Assert.Equal(1000, checkpoint.Seen.Current.Length + checkpoint.Seen.Previous.Length);
        Assert.InRange(total, 10_000, 40_000);
        Assert.InRange(ids, 8_000, 12_000);
    }
}
