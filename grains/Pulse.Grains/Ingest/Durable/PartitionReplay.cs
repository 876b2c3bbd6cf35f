namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// One pass of a replay from the last commit: which replayed batch each grain must already hold before it takes the
/// next one, and whether every grain did.
/// </summary>
/// <remarks>
/// A replay re-sends every batch after the commit, in order, and grains skip what they hold. A grain whose silo dies
/// during the replay comes back from its checkpoint without the replayed batches it had taken; were the later ones sent
/// without a predecessor, it would apply them after that hole, and the commit check (which compares only the last
/// position a grain holds) could not see it. So each replayed batch names the previous one sent to the same grain in this
/// pass, the grain refuses it if it lost that one, and the pass starts over from the commit. The first batch of a pass
/// names none: everything up to the commit is saved in every grain it reached.
/// </remarks>
internal sealed class PartitionReplay
{
    private readonly Dictionary<string, LogPosition> _held = new(StringComparer.Ordinal);

    /// <summary>The last batch of this pass that <paramref name="grain"/> holds (null: none sent to it yet).</summary>
    public LogPosition? Previous(string grain) => _held.TryGetValue(grain, out var held) ? held : null;

    /// <summary>
    /// Records a grain's answer to the batch at <paramref name="position"/>, sent with <paramref name="previous"/> as its
    /// predecessor: <paramref name="before"/> is the position the grain held before (see <see cref="IngestOrigin"/>).
    /// False when the grain had lost the predecessor and refused the batch: the pass must start over.
    /// </summary>
    public bool Answered(string grain, LogPosition position, LogPosition? previous, LogPosition? before)
    {
        if (previous is { } required && !(before >= required))
        {
            return false;
        }

        // Applied now, or held already (before is at or past it): either way the grain holds this batch.
        _held[grain] = position;
        return true;
    }
}
