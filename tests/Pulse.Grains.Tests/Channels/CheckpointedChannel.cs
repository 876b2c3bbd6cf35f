using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>
/// One (brand, channel) as its grain runs it in cluster mode, without Orleans: activated from its checkpoint store (state,
/// then detection from the same checkpoint), fed batches, ticked second by second, saved when the partitions commit.
/// </summary>
internal sealed class CheckpointedChannel
{
    private readonly IChannelCheckpointStore _store;
    private readonly Serializer _serializer;

    private CheckpointedChannel(IChannelCheckpointStore store, Serializer serializer, ChannelState state, ChannelDetection detection)
    {
        _store = store;
        _serializer = serializer;
        State = state;
        Detection = detection;
    }

    public ChannelState State { get; }

    public ChannelDetection Detection { get; }

    /// <summary>As the grain activates: restores its state and, with <paramref name="resume"/>, its detection.</summary>
    public static async Task<CheckpointedChannel> ActivateAsync(
        IChannelCheckpointStore store, Serializer serializer, FakeTimeProvider clock, ILogger logger, Sensitivity? sensitivity = Sensitivity.Normal, bool resume = true)
    {
        var (state, saved) = await ChannelCheckpoints.RestoreAsync(store, serializer, ChannelMentions.Key, new ChannelWindowOptions(), clock, CancellationToken.None);
        var detection = new ChannelDetection(new AlertOptions(), logger);
        if (resume)
        {
            detection.ResumeFrom(ChannelMentions.Key, saved);
        }

        detection.UseSensitivity(sensitivity, clock.GetUtcNow());
        return new CheckpointedChannel(store, serializer, state, detection);
    }

    public Task SaveAsync() => ChannelCheckpoints.SaveAsync(_store, _serializer, State, Detection);

    /// <summary>The second ending at <paramref name="now"/>: its mentions, then detection, as the grain's tick.</summary>
    public AlertSignal[] Tick(ScoredMention[] mentions, DateTimeOffset now)
    {
        State.Apply(mentions, null, now);
        return Detection.Detect(State, now);
    }

    /// <summary>
    /// The mentions of the second starting at <paramref name="second"/>, with ids fixed by time and index: a replay of
    /// the same second carries the same ids, as a replay from the ingest log does.
    /// </summary>
    public static ScoredMention[] Second(DateTimeOffset second, int count, string text = "acme ordinary day") =>
        [.. Enumerable.Range(0, count).Select(i => ChannelMentions.One($"{second.UtcTicks}-{i}", second, text))];
}
