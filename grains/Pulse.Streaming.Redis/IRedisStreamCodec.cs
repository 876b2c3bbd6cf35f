using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// Turns the events of one producer call into the fields of one Redis stream entry, and an entry back into events.
/// Registered in DI (one per host); entries may also come from producers outside Orleans, so decoding validates.
/// </summary>
public interface IRedisStreamCodec
{
    /// <summary>The fields of the entry that carries <paramref name="events"/> (one XADD).</summary>
    NameValueEntry[] Encode<T>(IEnumerable<T> events);

    /// <summary>
    /// The events an entry carries, and what was wrong with it, if anything. Both may be present: the events are
    /// delivered and the entry also goes to the dead-letter stream with the error.
    /// </summary>
    RedisStreamDecoded Decode(NameValueEntry[] fields);
}
