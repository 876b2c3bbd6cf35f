using Orleans.Streams;

namespace Pulse.Streaming.Redis;

/// <summary>
/// A batch's place in its queue: the Redis entry id, milliseconds as <see cref="StreamSequenceToken.SequenceNumber"/>
/// and sequence as <see cref="StreamSequenceToken.EventIndex"/>. Consumers commit <see cref="EntryId"/> through
/// <see cref="RedisStreamLog.CommitAsync"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class RedisStreamSequenceToken : StreamSequenceToken
{
    public RedisStreamSequenceToken(RedisEntryId entryId)
    {
        if (entryId.Sequence is < 0 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(entryId), entryId, "The entry id's sequence part does not fit a stream token.");
        }

        SequenceNumber = entryId.Milliseconds;
        EventIndex = (int)entryId.Sequence;
    }

    [Id(0)]
    public override long SequenceNumber { get; protected set; }

    [Id(1)]
    public override int EventIndex { get; protected set; }

    public RedisEntryId EntryId => new(SequenceNumber, EventIndex);

    /// <summary>Whether an entry id can be carried by a token (external producers may pick huge sequence parts).</summary>
    public static bool Fits(RedisEntryId entryId) => entryId.Sequence is >= 0 and <= int.MaxValue;

    public override bool Equals(StreamSequenceToken? other) =>
        other is not null && other.SequenceNumber == SequenceNumber && other.EventIndex == EventIndex;

    public override bool Equals(object? obj) => obj is StreamSequenceToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    public override int CompareTo(StreamSequenceToken? other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SequenceNumber != other.SequenceNumber
            ? SequenceNumber.CompareTo(other.SequenceNumber)
            : EventIndex.CompareTo(other.EventIndex);
    }

    public override string ToString() => EntryId.ToString();
}
