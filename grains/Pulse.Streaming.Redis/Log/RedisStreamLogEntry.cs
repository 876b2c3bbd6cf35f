namespace Pulse.Streaming.Redis;

/// <summary>One entry read back for a replay: its id and the events it decoded to.</summary>
public sealed record RedisStreamLogEntry(RedisEntryId Id, IReadOnlyList<object> Events);
