using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// The consumer's side of one provider's queues: the committed position per queue (where a receiver starts),
/// committing, and reading entries back for replays. Resolve it with <c>GetRequiredKeyedService&lt;RedisStreamLog&gt;(providerName)</c>.
/// </summary>
public sealed class RedisStreamLog
{
    // Sets the committed id only if it moves forward, then trims entries before it (approximately: whole nodes only).
    private const string CommitScript = """
        local current = redis.call('GET', KEYS[1])
        if current then
          local cms, cseq = string.match(current, '^(%d+)-(%d+)$')
          local nms, nseq = string.match(ARGV[1], '^(%d+)-(%d+)$')
          if cms and (tonumber(nms) < tonumber(cms) or (tonumber(nms) == tonumber(cms) and tonumber(nseq) <= tonumber(cseq))) then
            return 0
          end
        end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('XTRIM', KEYS[2], 'MINID', '~', ARGV[1])
        return 1
        """;

    private readonly RedisStreamKeys _keys;
    private readonly RedisStreamConnection _connection;
    private readonly RedisEntryDecoder _decoder;
    private readonly int _readCount;

    internal RedisStreamLog(RedisStreamOptions options, RedisStreamKeys keys, RedisStreamConnection connection, RedisEntryDecoder decoder)
    {
        Queues = options.Queues;
        _readCount = options.ReadCount;
        _keys = keys;
        _connection = connection;
        _decoder = decoder;
    }

    public int Queues { get; }

    /// <summary>The last committed entry id of a queue, or <see cref="RedisEntryId.Zero"/> when none was committed.</summary>
    public async Task<RedisEntryId> ReadCommittedAsync(int queue, CancellationToken cancellationToken = default)
    {
        CheckQueue(queue);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var value = await database.StringGetAsync(_keys.Committed(queue)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? RedisEntryId.Zero : RedisEntryId.Parse(value.ToString());
    }

    /// <summary>The id of the newest entry in a queue, or <see cref="RedisEntryId.Zero"/> when it is empty.</summary>
    public async Task<RedisEntryId> ReadLastAsync(int queue, CancellationToken cancellationToken = default)
    {
        CheckQueue(queue);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var newest = await database.StreamRangeAsync(_keys.Queue(queue), minId: "-", maxId: "+", count: 1, messageOrder: Order.Descending)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return newest.Length == 0 ? RedisEntryId.Zero : RedisEntryDecoder.IdOf(newest[0]);
    }

    /// <summary>
    /// How far the consumer's commit trails a queue: its committed id, the oldest entry after it (null: none) and the
    /// queue's length (entries before the commit count until trimming drops them). Two round trips.
    /// </summary>
    public async Task<RedisQueueBacklog> ReadBacklogAsync(int queue, CancellationToken cancellationToken = default)
    {
        CheckQueue(queue);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var length = database.StreamLengthAsync(_keys.Queue(queue));
        var value = database.StringGetAsync(_keys.Committed(queue));
        await Task.WhenAll(length, value).WaitAsync(cancellationToken).ConfigureAwait(false);
        var committed = value.Result.IsNull ? RedisEntryId.Zero : RedisEntryId.Parse(value.Result.ToString());
        var oldest = await database.StreamRangeAsync(_keys.Queue(queue), minId: "(" + committed, maxId: "+", count: 1)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return new RedisQueueBacklog(committed, oldest.Length == 0 ? null : RedisEntryDecoder.IdOf(oldest[0]), length.Result);
    }

    /// <summary>
    /// Records that the consumer is done with every entry up to and including <paramref name="id"/>. Never moves the
    /// committed position backwards; entries before it may then be trimmed from the queue.
    /// </summary>
    /// <returns>True when the position moved forward.</returns>
    public async Task<bool> CommitAsync(int queue, RedisEntryId id, CancellationToken cancellationToken = default)
    {
        CheckQueue(queue);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var moved = await database.ScriptEvaluateAsync(CommitScript, [_keys.Committed(queue), _keys.Queue(queue)], [id.ToString()])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return (long)moved == 1;
    }

    /// <summary>
    /// The entries after <paramref name="afterExclusive"/> up to and including <paramref name="upToInclusive"/>, decoded as
    /// receivers decode them; entries that carry no events (dead letters) are skipped.
    /// </summary>
    public async IAsyncEnumerable<RedisStreamLogEntry> ReadAsync(int queue, RedisEntryId afterExclusive, RedisEntryId upToInclusive,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckQueue(queue);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var cursor = afterExclusive;
        while (cursor < upToInclusive)
        {
            var entries = await database.StreamRangeAsync(_keys.Queue(queue), minId: "(" + cursor, maxId: upToInclusive.ToString(), count: _readCount)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                yield break;
            }

            foreach (var entry in entries)
            {
                cursor = RedisEntryDecoder.IdOf(entry);
                var decoded = _decoder.Decode(entry, cursor);
                if (decoded.Events.Count > 0)
                {
                    yield return new RedisStreamLogEntry(cursor, decoded.Events);
                }
            }
        }
    }

    private void CheckQueue(int queue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queue);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(queue, Queues);
    }
}
