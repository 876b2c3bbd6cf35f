using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Channels;

/// <summary>
/// Per ingest partition, the last log position a (brand, channel) applied. A batch at or before it is a replay of one
/// already held; a batch whose predecessor it does not hold follows a hole (deliveries lost with a crash): both are
/// refused, and the partition replays from its commit, in order.
/// </summary>
/// <remarks>A struct around its dictionary, held inline by <see cref="ChannelState"/>: every grain holds one.</remarks>
internal readonly struct ReplayGuard
{
    private readonly Dictionary<int, LogPosition> _applied;

    public ReplayGuard()
        : this(new Dictionary<int, LogPosition>())
    {
    }

    public ReplayGuard(IReadOnlyDictionary<int, LogPosition> applied)
    {
        _applied = new Dictionary<int, LogPosition>(applied);
    }

    public IReadOnlyDictionary<int, LogPosition> Positions => _applied;

    public LogPosition? Last(int partition) => _applied.TryGetValue(partition, out var applied) ? applied : null;

    /// <summary>
    /// Admits the batch from <paramref name="origin"/> and records its position, or refuses a replay or a batch after a
    /// hole. <paramref name="before"/> is the partition's last applied position as it was (null: none yet).
    /// </summary>
    public bool TryAdmit(IngestOrigin origin, out LogPosition? before)
    {
        ArgumentNullException.ThrowIfNull(origin);
        before = Last(origin.Partition);
        if (before >= origin.Position || (origin.Previous is { } previous && !(before >= previous)))
        {
            return false;
        }

        _applied[origin.Partition] = origin.Position;
        return true;
    }
}
