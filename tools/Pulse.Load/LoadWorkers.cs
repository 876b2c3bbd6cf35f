namespace Pulse.Load;

/// <summary>
/// The send loops: each worker composes a batch from the pool (plus any waiting probes), sends it, and records the
/// outcome, until the deadline. Paced by a shared <see cref="TokenBucket"/>, or unpaced (<c>--max</c>), in which case
/// the number of workers (<c>--connections</c>) bounds the requests in flight. A 503 pauses every worker for its
/// Retry-After, as one overloaded server would want.
/// </summary>
internal sealed class LoadWorkers(
    MentionPool pool,
    MentionIds ids,
    ProbeSource probes,
    ProbeTracker tracker,
    LoadCounters counters,
    TokenBucket? bucket,
    int batchSize,
    TimeProvider time)
{
    private long _sequence;
    private long _pausedUntil;
    private long _deadline;

    public async Task RunAsync(IReadOnlyList<ILoadSender> senders, long deadline, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _deadline, deadline);
        try
        {
            await Task.WhenAll(senders.Select(sender => Task.Run(() => LoopAsync(sender, cancellationToken), cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: what was sent so far is still reported.
        }
    }

    /// <summary>
    /// Moves the end of sending, while it goes on: a warm-up's end is noticed a little late on a busy machine, and the
    /// measured part still gets its whole duration.
    /// </summary>
    public void EndAt(long deadline) => Interlocked.Exchange(ref _deadline, deadline);

    private async Task LoopAsync(ILoadSender sender, CancellationToken cancellationToken)
    {
        var probesInBatch = new List<string>();
        var idBuffer = new char[MentionIds.MaxLength];
        while (!cancellationToken.IsCancellationRequested)
        {
            var pause = Interlocked.Read(ref _pausedUntil) - time.GetTimestamp();
            if (pause > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)pause / time.TimestampFrequency), time, cancellationToken).ConfigureAwait(false);
            }

            var slot = bucket is null ? time.GetTimestamp() : await bucket.AcquireAsync(batchSize, cancellationToken).ConfigureAwait(false);
            var deadline = Interlocked.Read(ref _deadline);
            if (slot >= deadline || time.GetTimestamp() >= deadline)
            {
                return;
            }

            sender.Begin(time.GetUtcNow());
            var first = Interlocked.Add(ref _sequence, batchSize) - batchSize;
            for (var i = 0; i < batchSize; i++)
            {
                sender.Add(ids.Format(first + i, idBuffer), pool[first + i]);
            }

            probesInBatch.Clear();
            while (probes.TryTake(out var probe))
            {
                sender.Add(probe.Id, probe.Mention);
                probesInBatch.Add(probe.Id);
            }

            var sendStart = time.GetTimestamp();
            foreach (var id in probesInBatch)
            {
                tracker.Sent(id, sendStart);
            }

            var outcome = await sender.SendAsync(cancellationToken).ConfigureAwait(false);
            counters.Record(batchSize + probesInBatch.Count, outcome, time.GetElapsedTime(sendStart).TotalMilliseconds);
            if (outcome.Accepted == 0)
            {
                probesInBatch.ForEach(tracker.Unsent);
            }

            if (outcome.RetryAfter is { } retryAfter)
            {
                var until = time.GetTimestamp() + (long)(retryAfter.TotalSeconds * time.TimestampFrequency);
                InterlockedMax(ref _pausedUntil, until);
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
