namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// What one ingest partition has delivered since its last commit, and the check that proves no (brand, channel)
/// grain lost any of it.
/// </summary>
/// <remarks>
/// Every delivery to a (brand, channel) grain carries the batch's log position; the grain applies a batch only if it
/// is past the position it last applied from this partition, and answers with that position as it was before. A grain
/// that reactivated from an older checkpoint (its silo died) answers a position older than the last one this
/// partition sent it: a gap. The partition then replays its log from the last commit, and the grains skip what they
/// already hold, so the windows count every mention exactly once. A commit happens only after every grain fed since
/// the previous commit saved its state, so the committed position is always safe to replay from.
/// </remarks>
internal sealed class PartitionProgress
{
    private readonly Dictionary<string, LogPosition> _sentSinceCommit = new(StringComparer.Ordinal);

    public PartitionProgress(LogPosition committed)
    {
        Committed = committed;
        Processed = committed;
    }

    /// <summary>Everything up to here is saved in every grain it reached.</summary>
    public LogPosition Committed { get; private set; }

    /// <summary>The last batch handed to the grains (possibly not yet saved by them).</summary>
    public LogPosition Processed { get; private set; }

    public int Pending => _sentSinceCommit.Count;

    public IEnumerable<string> GrainsSinceCommit => _sentSinceCommit.Keys;

    /// <summary>True when the batch at <paramref name="position"/> was already processed (a redelivery).</summary>
    public bool IsProcessed(LogPosition position) => position <= Processed;

    /// <summary>
    /// Records a delivery and checks the grain's answer (the position it held before this batch): false when it had lost
    /// something this partition sent it since the last commit.
    /// </summary>
    public bool Delivered(string grain, LogPosition position, LogPosition? appliedBefore)
    {
        var intact = IsIntact(grain, appliedBefore);
        if (!_sentSinceCommit.TryGetValue(grain, out var sent) || sent < position)
        {
            _sentSinceCommit[grain] = position;
        }

        return intact;
    }

    /// <summary>The last position sent to <paramref name="grain"/> since the last commit, which it must hold before it takes more.</summary>
    public LogPosition? LastSent(string grain) => _sentSinceCommit.TryGetValue(grain, out var sent) ? sent : null;

    /// <summary>True when a grain that reports <paramref name="applied"/> holds everything this partition sent it.</summary>
    public bool IsIntact(string grain, LogPosition? applied) =>
        !_sentSinceCommit.TryGetValue(grain, out var sent) || (applied is { } a && a >= sent);

    public void Processing(LogPosition position)
    {
        if (position > Processed)
        {
            Processed = position;
        }
    }

    /// <summary>
    /// Everything up to <paramref name="upTo"/> (at most <see cref="Processed"/>) is saved and committed. Grains sent
    /// something after it stay tracked: they must still hold that, and a gap in it replays from the new commit.
    /// </summary>
    public void Commit(LogPosition upTo)
    {
        if (upTo > Processed)
        {
            throw new ArgumentOutOfRangeException(nameof(upTo), upTo, $"Past the last batch processed ({Processed}).");
        }

        if (upTo > Committed)
        {
            Committed = upTo;
        }

        foreach (var (grain, sent) in _sentSinceCommit.ToArray())
        {
            if (sent <= upTo)
            {
                _sentSinceCommit.Remove(grain);
            }
        }
    }
}
