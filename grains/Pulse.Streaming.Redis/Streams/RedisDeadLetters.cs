using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// Entries that failed to decode, kept in <c>{KeyPrefix}:dead</c> for inspection: the original fields plus where the
/// entry was and why it failed. Capped (approximately) so a misbehaving producer cannot fill Redis.
/// </summary>
internal sealed class RedisDeadLetters(RedisStreamKeys keys)
{
    public const string QueueField = "dead-queue";
    public const string EntryField = "dead-entry";
    public const string ErrorField = "dead-error";
    private const int MaxLength = 100_000;

    public Task WriteAsync(IDatabase database, int queue, StreamEntry entry, string error) =>
        database.StreamAddAsync(
            keys.Dead,
            [.. entry.Values, new NameValueEntry(QueueField, queue), new NameValueEntry(EntryField, entry.Id), new NameValueEntry(ErrorField, error)],
            maxLength: MaxLength,
            useApproximateMaxLength: true);
}
