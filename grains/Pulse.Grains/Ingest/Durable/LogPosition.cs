namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// Where a batch sits in its ingest partition's log: the stream sequence token's (sequence number, event index),
/// which for Redis Streams is the entry id (milliseconds, sequence). Ordered; only compared within one partition.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct LogPosition([property: Id(0)] long Major, [property: Id(1)] long Minor) : IComparable<LogPosition>
{
    /// <summary>Before every entry.</summary>
    public static readonly LogPosition Start = new(0, 0);

    public int CompareTo(LogPosition other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}-{Minor}";
}
