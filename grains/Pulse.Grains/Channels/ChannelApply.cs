using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Channels;

/// <summary>What <see cref="ChannelState.Apply"/> did with a batch.</summary>
/// <param name="Accepted">False for a replay or a batch after a hole (see <see cref="ReplayGuard"/>): nothing changed.</param>
/// <param name="Before">The batch's partition's last applied position before it (null: none, or no origin).</param>
/// <param name="Counted">Mentions newly counted: not seen before, and within the windows.</param>
/// <param name="Duplicates">Where in the batch the mentions and engagement events skipped because their id was seen
/// before are (null: none).</param>
internal readonly record struct ChannelApply(bool Accepted, LogPosition? Before, int Counted, int[]? Duplicates = null)
{
    public int DuplicateCount => Duplicates?.Length ?? 0;
}
