using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>Decodes entries with the codec; a codec that throws, or an id no token can carry, makes an error, never a crash.</summary>
internal sealed class RedisEntryDecoder(IRedisStreamCodec codec)
{
    public RedisStreamDecoded Decode(StreamEntry entry, RedisEntryId id)
    {
        if (!RedisStreamSequenceToken.Fits(id))
        {
            return RedisStreamDecoded.Failed($"The entry id {id} has a sequence part above {int.MaxValue}; use '*' ids.");
        }

        try
        {
            return codec.Decode(entry.Values);
        }
#pragma warning disable CA1031 // whatever an entry holds, one bad entry must not stop its queue
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RedisStreamDecoded.Failed($"The codec failed: {ex.Message}");
        }
    }

    /// <summary>The codec's combination of <paramref name="events"/> (see <see cref="IRedisStreamCodec.Combine"/>), or null.</summary>
    public bool Combines => codec.Combines;

    public object? Combine(IReadOnlyList<object> events) => events.Count > 1 ? codec.Combine(events) : null;

    public static RedisEntryId IdOf(StreamEntry entry) => RedisEntryId.Parse(entry.Id.ToString());
}
