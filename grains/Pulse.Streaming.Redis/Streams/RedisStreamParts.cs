using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pulse.Streaming.Redis;

/// <summary>What one provider's adapter and log share (keyed by provider name): connection, keys, codec.</summary>
internal sealed class RedisStreamParts
{
    public RedisStreamParts(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
        Keys = new RedisStreamKeys(options.KeyPrefix);
        Connection = new RedisStreamConnection(options);
        Codec = services.GetRequiredService<IRedisStreamCodec>();
        Decoder = new RedisEntryDecoder(Codec);
        Log = new RedisStreamLog(options, Keys, Connection, Decoder);
    }

    public RedisStreamKeys Keys { get; }

    public RedisStreamConnection Connection { get; }

    public IRedisStreamCodec Codec { get; }

    public RedisEntryDecoder Decoder { get; }

    public RedisStreamLog Log { get; }
}
