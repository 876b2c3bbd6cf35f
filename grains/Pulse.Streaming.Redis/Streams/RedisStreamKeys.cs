using System.Globalization;
using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>The provider's Redis key names, all under <see cref="RedisStreamOptions.KeyPrefix"/>.</summary>
internal sealed class RedisStreamKeys(string prefix)
{
    public RedisKey Dead { get; } = prefix + ":dead";

    public RedisKey Queue(int queue) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:{queue}");

    public RedisKey Committed(int queue) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:{queue}:committed");
}
