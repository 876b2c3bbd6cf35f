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
/// Windows keep only non-empty buckets; ids are 64-bit hashes. The grain saves with <see cref="CaptureJournaled"/>:
/// its ids go to the journal (<see cref="SeenIdsJournal"/>) a chunk at a time instead, since a full id set (about 9
/// bytes per id remembered within the horizon) would dominate every save of a busy grain.</para>
/// <para>Taken and applied within one grain turn: a capture copies everything, so the grain may change its windows
/// while the checkpoint is being written.</para>
/// <para><see cref="Detection"/> (the live detectors, see <see cref="ChannelDetection.ResumeFrom"/>) is optional: a
/// checkpoint written before it existed reads with none, and that grain's detection warms up again.</para>
/// </remarks>
[GenerateSerializer]
internal sealed record ChannelCheckpoint(
    [property: Id(0)] WindowCheckpoint[] Windows,
    [property: Id(1)] SeenIdsCheckpoint Seen,
    [property: Id(2)] ScoredMention[] Latest,
    [property: Id(3)] Dictionary<int, LogPosition> Applied,
    [property: Id(4)] DetectionCheckpoint? Detection = null)
{
    /// <summary>The checkpoint of a grain that never wrote one: restores to empty windows, ids and feed.</summary>
    public ChannelCheckpoint()
        : this([], SeenIdsCheckpoint.Empty, [], [])
    {
    }

    /// <summary>Everything, the remembered ids included (a checkpoint that needs no journal).</summary>
    /// <param name="applied">Per ingest partition, the last log position already reflected in the windows.</param>
    public static ChannelCheckpoint Capture(
        MultiResolutionWindows windows,
        RecentMentionIds seen,
        LatestMentions latest,
        IReadOnlyDictionary<int, LogPosition> applied)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return Of(windows, SeenIdsCheckpoint.From(seen.Export()), latest, applied);
    }

    /// <summary>
    /// A checkpoint whose ids are in the grain's journal (<see cref="SeenIdsJournal"/>), not in it: only the id set's
    /// position in its generation is saved, which <see cref="RestoreSeen(TimeSpan, TimeProvider, IEnumerable{SeenIdsChunk})"/> needs.
    /// </summary>
    public static ChannelCheckpoint CaptureJournaled(
        MultiResolutionWindows windows,
        RecentMentionIds seen,
        LatestMentions latest,
        IReadOnlyDictionary<int, LogPosition> applied)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var (now, intoGeneration) = seen.Position();
        return Of(windows, new SeenIdsCheckpoint(seen.Horizon, now, intoGeneration, [], []), latest, applied);
    }

    private static ChannelCheckpoint Of(
        MultiResolutionWindows windows,
        SeenIdsCheckpoint seen,
        LatestMentions latest,
        IReadOnlyDictionary<int, LogPosition> applied)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(applied);
        return new ChannelCheckpoint(
            [.. windows.Export().Select(WindowCheckpoint.From)],
            seen,
            latest.OldestFirst(),
            new Dictionary<int, LogPosition>(applied));
    }

    /// <summary>When the current generation of the saved id set began (wall clock); chunks before it belong to older ones.</summary>
    public DateTimeOffset GenerationStart => Seen.SavedAt - Seen.IntoGeneration;

    /// <summary>Windows of <paramref name="layout"/>, with the saved rings that still fit it (see <see cref="MultiResolutionWindows.Restore"/>).</summary>
    public MultiResolutionWindows RestoreWindows(WindowLayout layout) =>
        MultiResolutionWindows.Restore(layout, [.. Windows.Select(w => w.ToState())]);

    /// <summary>The remembered ids saved in the checkpoint itself, as of now on <paramref name="clock"/> (no journal).</summary>
    public RecentMentionIds RestoreSeen(TimeSpan horizon, TimeProvider clock) => RestoreSeen(horizon, clock, []);

    /// <summary>
    /// The remembered ids from the journal's <paramref name="chunks"/> (and any ids saved in the checkpoint itself): a
    /// chunk written in the saved current generation goes to the current one, a chunk of the generation before to the
    /// previous one, older chunks are dropped; then as <see cref="RecentMentionIds.Restore"/>. A chunk spanning a
    /// generation change counts as current: its ids are remembered up to one save interval longer, never shorter.
    /// </summary>
    public RecentMentionIds RestoreSeen(TimeSpan horizon, TimeProvider clock, IEnumerable<SeenIdsChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var start = GenerationStart;
        var current = new HashSet<ulong>(Seen.Current);
        var previous = new HashSet<ulong>(Seen.Previous);
        foreach (var chunk in chunks)
        {
            if (chunk.SavedAt >= start)
            {
                current.UnionWith(chunk.Ids);
            }
            else if (chunk.SavedAt >= start - Seen.Horizon)
            {
                previous.UnionWith(chunk.Ids);
            }
        }

        previous.ExceptWith(current);
        var state = new RecentMentionIdsState(Seen.Horizon, Seen.SavedAt, Seen.IntoGeneration, [.. current], [.. previous]);
        return RecentMentionIds.Restore(state, horizon, clock);
    }

    /// <summary>The live feed; the newest <paramref name="capacity"/> if that shrank.</summary>
    public LatestMentions RestoreLatest(int capacity) => LatestMentions.Restore(capacity, Latest);
}
