using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// Reads one queue forward with XRANGE, starting after its committed position. The cursor lives in memory only:
/// the consumer commits (through <see cref="RedisStreamLog.CommitAsync"/>) once its own state is saved, so a
/// receiver that moves to another silo re-delivers everything after the last commit (at-least-once).
/// </summary>
internal sealed partial class RedisStreamQueueReceiver(
    int queue,
    StreamId stream,
    int readCount,
    RedisStreamKeys keys,
    RedisStreamConnection connection,
    RedisStreamLog log,
    RedisEntryDecoder decoder,
    RedisDeadLetters deadLetters,
    ILogger<RedisStreamQueueReceiver> logger) : IQueueAdapterReceiver
{
    private static readonly IList<IBatchContainer> None = Array.Empty<IBatchContainer>();

    // Last entry read; null until the committed position was read (it may fail while Redis is down).
    private RedisEntryId? _cursor;
    private bool _failing;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            _cursor = await log.ReadCommittedAsync(queue, cts.Token).ConfigureAwait(false);
            LogStarting(queue, _cursor.Value);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // The first poll tries again; until then nothing is read, so nothing is skipped.
            ReadFailed(ex);
        }
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (maxCount == 0)
        {
            return None;
        }

        // maxCount counts containers; entries that are combined make one container per poll.
        var count = maxCount < 0 || decoder.Combines ? readCount : Math.Min(maxCount, readCount);
        try
        {
            var cursor = _cursor ??= await log.ReadCommittedAsync(queue, cancellationToken).ConfigureAwait(false);
            var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var entries = await database.StreamRangeAsync(keys.Queue(queue), minId: "(" + cursor, maxId: "+", count: count)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            var batches = new List<IBatchContainer>(entries.Length);
            foreach (var entry in entries)
            {
                var id = RedisEntryDecoder.IdOf(entry);
                var decoded = decoder.Decode(entry, id);
                if (decoded.Error is { } error)
                {
                    await deadLetters.WriteAsync(database, queue, entry, error).ConfigureAwait(false);
                    LogDeadLetter(queue, id, error);
                }

                if (decoded.Events.Count > 0)
                {
                    batches.Add(new RedisStreamBatchContainer(stream, decoded.Events, new RedisStreamSequenceToken(id)));
                }

                cursor = id;
            }

            // Moved only once the whole read succeeded: a failure above re-reads the same entries next poll.
            _cursor = cursor;
            Recovered();
            return Combine(batches);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            ReadFailed(ex);
            return None;
        }
    }

    /// <summary>
    /// The entries of one read as one container at the last one's token, when the codec combines their events: the
    /// consumer then handles a backlog in a few large deliveries instead of one per entry. Its position still names an
    /// entry, so committing and replaying from it work as for single entries.
    /// </summary>
    private List<IBatchContainer> Combine(List<IBatchContainer> batches)
    {
        if (batches.Count < 2)
        {
            return batches;
        }

        var events = new List<object>();
        foreach (var batch in batches)
        {
            events.AddRange(((RedisStreamBatchContainer)batch).Events);
        }

        return decoder.Combine(events) is { } combined
            ? [new RedisStreamBatchContainer(stream, [combined], ((RedisStreamBatchContainer)batches[^1]).Token)]
            : batches;
    }

    // Nothing to acknowledge: the consumer commits through the log when its state is saved.
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken) => Task.CompletedTask;

    // The connection is the provider's, shared with other receivers: nothing of this queue's to release.
    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;

    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTransient(Exception ex) => ex is RedisException or TimeoutException or OperationCanceledException;

    private void ReadFailed(Exception ex)
    {
        // Once per outage, not once per poll.
        if (!_failing)
        {
            _failing = true;
            LogReadFailed(queue, ex);
        }
    }

    private void Recovered()
    {
        if (_failing)
        {
            _failing = false;
            LogRecovered(queue);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis stream queue {Queue} starts after entry {Cursor}")]
    private partial void LogStarting(int queue, RedisEntryId cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis stream queue {Queue}: entry {EntryId} did not decode and went to the dead-letter stream: {Error}")]
    private partial void LogDeadLetter(int queue, RedisEntryId entryId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis stream queue {Queue} cannot be read; retrying every poll")]
    private partial void LogReadFailed(int queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis stream queue {Queue} is read again")]
    private partial void LogRecovered(int queue);
}
