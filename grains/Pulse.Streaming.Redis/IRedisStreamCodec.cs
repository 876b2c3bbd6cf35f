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

    /// <summary>
    /// Whether <see cref="Combine"/> joins events. If so a poll reads up to <c>ReadCount</c> entries whatever the cache
    /// asks for, since they come back as one container.
    /// </summary>
    bool Combines => false;

    /// <summary>
    /// One event standing for the events of several consecutive entries read in one poll, or null to deliver them entry
    /// by entry (the default). Fewer, larger deliveries make a busy queue's consumer cheaper per event.
    /// </summary>
    object? Combine(IReadOnlyList<object> events) => null;
}
