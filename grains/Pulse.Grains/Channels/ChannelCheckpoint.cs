using Pulse.Analytics.Windows;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>
/// What a (brand, channel) grain saves so that, reactivated on another silo after a crash, it continues with the same
/// windows and de-duplication set and replays the ingest log from <see cref="Applied"/> on.
/// </summary>
/// <remarks>
/// <para>The parts are converted to plain fields and arrays here because Pulse.Analytics knows nothing of Orleans.
/// Windows keep only non-empty buckets; ids are 64-bit hashes. The de-duplication set dominates a busy grain's size
/// (about 9 bytes per id remembered within the horizon).</para>
/// <para>Taken and applied within one grain turn: <see cref="Capture"/> copies everything, so the grain may change its
/// windows while the checkpoint is being written.</para>
/// </remarks>
[GenerateSerializer]
internal sealed record ChannelCheckpoint(
    [property: Id(0)] WindowCheckpoint[] Windows,
    [property: Id(1)] SeenIdsCheckpoint Seen,
    [property: Id(2)] ScoredMention[] Latest,
    [property: Id(3)] Dictionary<int, LogPosition> Applied)
{
    /// <summary>The checkpoint of a grain that never wrote one: restores to empty windows, ids and feed.</summary>
    public ChannelCheckpoint()
        : this([], SeenIdsCheckpoint.Empty, [], [])
    {
    }

    /// <param name="applied">Per ingest partition, the last log position already reflected in the windows.</param>
    public static ChannelCheckpoint Capture(
        MultiResolutionWindows windows,
        RecentMentionIds seen,
        LatestMentions latest,
        IReadOnlyDictionary<int, LogPosition> applied)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(applied);
        return new ChannelCheckpoint(
            [.. windows.Export().Select(WindowCheckpoint.From)],
            SeenIdsCheckpoint.From(seen.Export()),
            latest.OldestFirst(),
            new Dictionary<int, LogPosition>(applied));
    }

    /// <summary>Windows of <paramref name="layout"/>, with the saved rings that still fit it (see <see cref="MultiResolutionWindows.Restore"/>).</summary>
    public MultiResolutionWindows RestoreWindows(WindowLayout layout) =>
        MultiResolutionWindows.Restore(layout, [.. Windows.Select(w => w.ToState())]);

    /// <summary>The remembered ids as of now on <paramref name="clock"/> (see <see cref="RecentMentionIds.Restore"/>).</summary>
    public RecentMentionIds RestoreSeen(TimeSpan horizon, TimeProvider clock) =>
        RecentMentionIds.Restore(Seen.ToState(), horizon, clock);

    /// <summary>The live feed; the newest <paramref name="capacity"/> if that shrank.</summary>
    public LatestMentions RestoreLatest(int capacity) => LatestMentions.Restore(capacity, Latest);
}
