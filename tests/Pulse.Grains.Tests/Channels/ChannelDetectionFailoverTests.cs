using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;
using Xunit.Abstractions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>
/// Live detection survives a failover: saved with the channel's checkpoint, it continues on the grain's next activation
/// without a warm-up, observes the buckets of the gap from the restored windows, and falls back to a fresh start (with
/// its warm-up) when the saved detection is missing, unreadable or of another sensitivity.
/// </summary>
public sealed class ChannelDetectionFailoverTests(ITestOutputHelper output) : IDisposable
{
    private const string Crisis = "acme Stellwerksstörung in Hamburg, nichts geht";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCheckpointStore _store = new();
    private readonly RecordingLogger _log = new();
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(ChannelCheckpoint).Assembly).AddAssembly(typeof(LegacyChannelCheckpoint).Assembly))
        .BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static string Grain => ChannelMentions.Key.ToString();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_spike_right_after_a_restore_is_alerted_at_once_where_a_fresh_start_is_still_warming_up()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));
        var died = Now;
        _clock.Advance(TimeSpan.FromSeconds(10)); // the silo is dead; the log keeps the calm

        var resumed = await ActivateAsync(replayFrom: died);
        var fresh = await ActivateAsync(replayFrom: died, resume: false);
        var spikeStart = Now;
        var signals = Run([resumed, fresh], TimeSpan.FromSeconds(20), perSecond: 40, Crisis);

        var spike = signals[0].FirstOrDefault(s => s.Kind == AlertKind.Spike);
        Assert.True(spike is not null, "the restored detection did not alert the spike");
        output.WriteLine($"spike alerted {(spike.At - spikeStart).TotalSeconds} s after it started, severity {spike.Severity}");
        Assert.InRange(spike.At - spikeStart, TimeSpan.Zero, TimeSpan.FromSeconds(8)); // one 5 s bucket and its 2 s grace, at most a bucket late
        Assert.Empty(signals[1]); // detection that starts over sees the spike during its warm-up
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("continues its detection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spike_that_began_while_the_silo_was_dead_is_alerted_at_the_first_tick_after_the_restore()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));
        var died = Now;
        _clock.Advance(TimeSpan.FromSeconds(20));

        // The log holds 5 s of calm, then 15 s of crisis; the partition replays it all to the new activation.
        var channel = await ActivateAsync();
        Replay(channel, died, died + TimeSpan.FromSeconds(5), perSecond: 1);
        Replay(channel, died + TimeSpan.FromSeconds(5), Now, perSecond: 40, Crisis);

        var signals = channel.Detection.Detect(channel.State, Now);

        Assert.Contains(signals, s => s.Kind == AlertKind.Spike);
    }

    [Fact]
    public async Task Buckets_that_left_the_seconds_ring_while_the_silo_was_dead_are_skipped_not_observed_as_a_drop()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6), perSecond: 20);
        var died = Now;
        _clock.Advance(TimeSpan.FromMinutes(10)); // longer than the 2 minutes of 1 s buckets

        var channel = await ActivateAsync(replayFrom: died, perSecond: 20);
        var calm = Run([channel], TimeSpan.FromMinutes(2), perSecond: 20)[0];
        var spikeStart = Now;
        var spike = Run([channel], TimeSpan.FromSeconds(20), perSecond: 400, Crisis)[0];

        Assert.Empty(calm); // observed as zeros, ten minutes of buckets would have read as a drop
        Assert.Contains(spike, s => s.Kind == AlertKind.Spike && s.At - spikeStart <= TimeSpan.FromSeconds(8)); // still warm
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData("truncated")]
    [InlineData("another format")]
    [InlineData("another bucket size")]
    public async Task An_unreadable_saved_detection_starts_fresh_with_its_warm_up_and_a_warning(string damage)
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));
        var saved = Serializer.Deserialize<ChannelCheckpoint>(_store.Checkpoint(Grain))!;
        var detection = saved.Detection!;
        var damaged = damage switch
        {
            "truncated" => detection with { State = detection.State[..(detection.State.Length / 2)] },
            "another format" => detection with { State = [(byte)(DetectorState.Version + 1), .. detection.State[1..]] },
            _ => detection with { Bucket = TimeSpan.FromSeconds(10) },
        };
        _store.Overwrite(Grain, Serializer.SerializeToArray(saved with { Detection = damaged }));

        var channel = await ActivateAsync();
        var signals = Run([channel], TimeSpan.FromSeconds(20), perSecond: 40, Crisis)[0];

        Assert.Empty(signals);
        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        output.WriteLine(warning.Message);
        Assert.Contains("warms up again", warning.Message, StringComparison.Ordinal);
        Assert.Equal((6 * 60) + (20 * 40), channel.State.Windows.Sum(Now, TimeSpan.FromMinutes(15)).Count); // the windows restored regardless
    }

    [Fact]
    public async Task A_detection_saved_for_another_sensitivity_starts_fresh()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));

        var channel = await ActivateAsync(sensitivity: Sensitivity.High);
        var signals = Run([channel], TimeSpan.FromSeconds(20), perSecond: 40, Crisis)[0];

        Assert.Empty(signals);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("built for sensitivity Normal, the brand now uses High", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkpoint_written_before_it_held_detection_restores_its_windows_and_detection_starts_fresh()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));
        var current = Serializer.Deserialize<ChannelCheckpoint>(_store.Checkpoint(Grain))!;
        _store.Overwrite(Grain, Serializer.SerializeToArray(LegacyChannelCheckpoint.Of(current)));

        var old = Serializer.Deserialize<ChannelCheckpoint>(_store.Checkpoint(Grain))!;
        var channel = await ActivateAsync();
        var signals = Run([channel], TimeSpan.FromSeconds(20), perSecond: 40, Crisis)[0];

        Assert.Null(old.Detection);
        Assert.Equal(current.Applied, old.Applied);
        Assert.Equal(6 * 60, old.RestoreWindows(WindowLayout.Default).Sum(Now, TimeSpan.FromMinutes(15)).Count);
        Assert.Empty(signals);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("holds no detection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grain_that_never_saved_starts_detection_without_a_word()
    {
        var channel = await ActivateAsync();

        Assert.Empty(Run([channel], TimeSpan.FromSeconds(20), perSecond: 1)[0]);
        Assert.Empty(_log.Entries);
    }

    // Written with every checkpoint of a grain that changed (every few seconds while mentions arrive), so its size matters.
    [Fact]
    public async Task The_saved_detection_takes_a_few_kilobytes()
    {
        await SavedAfterCalmAsync(TimeSpan.FromMinutes(6));
        var saved = Serializer.Deserialize<ChannelCheckpoint>(_store.Checkpoint(Grain))!;
        var with = Serializer.SerializeToArray(saved).Length;
        var without = Serializer.SerializeToArray(saved with { Detection = null }).Length;

        output.WriteLine($"detection state {saved.Detection!.State.Length} bytes; checkpoint {with} bytes with it, {without} without");
        Assert.InRange(with - without, 500, 4_000);
    }

    /// <summary>A grain that ran <paramref name="calm"/> at <paramref name="perSecond"/> and saved its checkpoint: the state a silo kill leaves behind.</summary>
    private async Task SavedAfterCalmAsync(TimeSpan calm, int perSecond = 1)
    {
        var channel = await ActivateAsync();
        Assert.Empty(Run([channel], calm, perSecond)[0]);
        await channel.SaveAsync();
        _log.Clear();
    }

    /// <summary>The grain's next activation; with <paramref name="replayFrom"/> the partition then replays the calm of the log since then.</summary>
    private async Task<CheckpointedChannel> ActivateAsync(
        DateTimeOffset? replayFrom = null, int perSecond = 1, bool resume = true, Sensitivity? sensitivity = Sensitivity.Normal)
    {
        var channel = await CheckpointedChannel.ActivateAsync(_store, Serializer, _clock, _log, sensitivity, resume);
        if (replayFrom is { } from)
        {
            Replay(channel, from, Now, perSecond);
        }

        return channel;
    }

    private void Replay(CheckpointedChannel channel, DateTimeOffset from, DateTimeOffset to, int perSecond, string text = "acme ordinary day")
    {
        for (var second = from; second < to; second += TimeSpan.FromSeconds(1))
        {
            channel.State.Apply(CheckpointedChannel.Second(second, perSecond, text), null, Now);
        }
    }

    /// <summary>Second by second, as the grains' ticks: the same mentions to every channel, then each one's detection.</summary>
    private List<AlertSignal>[] Run(CheckpointedChannel[] channels, TimeSpan duration, int perSecond, string text = "acme ordinary day")
    {
        var signals = channels.Select(_ => new List<AlertSignal>()).ToArray();
        for (var end = Now + duration; Now < end;)
        {
            var second = Now;
            _clock.Advance(TimeSpan.FromSeconds(1));
            var mentions = CheckpointedChannel.Second(second, perSecond, text);
            for (var i = 0; i < channels.Length; i++)
            {
                signals[i].AddRange(channels[i].Tick(mentions, Now));
            }
        }

        return signals;
    }
}
