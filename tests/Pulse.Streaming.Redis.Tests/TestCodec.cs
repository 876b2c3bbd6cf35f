using StackExchange.Redis;

namespace Pulse.Streaming.Redis.Tests;

/// <summary>Events are strings, one field "e" each. An entry without "e", or with the value "poison", is an error.</summary>
internal sealed class TestCodec : IRedisStreamCodec
{
    public const string Field = "e";
    public const string Poison = "poison";

    public NameValueEntry[] Encode<T>(IEnumerable<T> events) =>
        [.. events.Select(e => new NameValueEntry(Field, e?.ToString()))];

    public RedisStreamDecoded Decode(NameValueEntry[] fields)
    {
        var events = fields.Where(f => f.Name == Field && f.Value != Poison).Select(f => (object)f.Value.ToString()).ToArray();
        var poisoned = fields.Any(f => f.Name == Field && f.Value == Poison);
        if (events.Length == 0 && !poisoned)
        {
            return RedisStreamDecoded.Failed($"no '{Field}' field");
        }

        return new RedisStreamDecoded(events, poisoned ? "poisoned item" : null);
    }
}
