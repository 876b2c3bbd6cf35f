namespace Pulse.Streaming.Redis;

/// <summary>What one entry decoded to: events to deliver (possibly none) and an error for the dead-letter stream (or null).</summary>
public sealed record RedisStreamDecoded(IReadOnlyList<object> Events, string? Error)
{
    public static RedisStreamDecoded Failed(string error) => new([], error);

    public static RedisStreamDecoded Of(params object[] events) => new(events, null);
}
