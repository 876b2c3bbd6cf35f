namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// Whether a partition must replay its log from the last commit before it hands on anything new, and how far.
/// </summary>
/// <remarks>
/// Two things leave a partition unsure what its grains hold: a new activation (its predecessor's deliveries since the
/// commit may or may not have been applied) and a failed delivery (some grains may have taken the batch, others not).
/// Either way nothing newer may go out first: a grain that applied a newer batch skips older positions, so the failed
/// batch would never count. The stream redelivers a failed batch but gives up after a minute, and a load may simply
/// stop, so the partition also replays on its commit timer when no newer batch comes to carry the replay.
/// </remarks>
internal sealed class PartitionCatchUp
{
    private bool _caughtUp;
    private LogPosition? _failedUpTo;

    /// <summary>A failed batch waits for a replay up to here, and no newer batch has arrived to carry it.</summary>
    public LogPosition? Pending => _caughtUp ? null : _failedUpTo;

    /// <summary>
    /// Where to replay to before the batch at <paramref name="position"/> counts as handed on (the replay includes it),
    /// or null when the partition is caught up and can send it as it is.
    /// </summary>
    public LogPosition? ReplayUpTo(LogPosition position) =>
        _caughtUp ? null : _failedUpTo is { } failed && failed > position ? failed : position;

    /// <summary>
    /// A new activation found entries up to <paramref name="newest"/> after the last commit: its predecessor may have
    /// taken them from the stream and died before they reached every grain, and the stream will not deliver them again.
    /// </summary>
    public void Behind(LogPosition newest) => Failed(newest);

    /// <summary>The batch at <paramref name="position"/> did not reach every grain.</summary>
    public void Failed(LogPosition position)
    {
        _caughtUp = false;
        _failedUpTo = _failedUpTo is { } failed && failed > position ? failed : position;
    }

    /// <summary>A replay from the commit up to the position asked for went through.</summary>
    public void Replayed()
    {
        _caughtUp = true;
        _failedUpTo = null;
    }
}
