using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Archive;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;
using Pulse.Silo.Archive.Batches;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Archive;

/// <summary>
/// The PostgreSQL archive behind <see cref="IMentionArchive"/>: partitions hand it deliveries, which it buffers (up to
/// <see cref="ArchiveOptions.BufferCapacity"/> rows) and writes in batches off the ingest path, retrying while
/// PostgreSQL is slow or down. A full buffer pushes back in cluster mode and drops, counted and logged, in the
/// embedded default, whose ingest has no log to hold the rest. A flush (before a cluster partition commits) waits for
/// every row appended before it and has the writers write what they hold at once.
/// </summary>
internal sealed partial class MentionArchiveWriter(
    ArchiveDatabase database,
    SearchAnalyzer analyzer,
    IOptions<ArchiveOptions> options,
    PulseHostMode mode,
    TimeProvider clock,
    PulseMetrics metrics,
    ILogger<MentionArchiveWriter> logger) : BackgroundService, IMentionArchive
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DropLogEvery = TimeSpan.FromSeconds(10);

    /// <summary>What a stopping host still writes, at most this long.</summary>
    private static readonly TimeSpan FinalFlush = TimeSpan.FromSeconds(5);

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>();
    private readonly SemaphoreSlim _space = new(0);
    private readonly WriteGenerations _generations = new();
    private TaskCompletionSource _flushRequested = NewSignal();
    private long _buffered;
    private long _dropped;
    private long _lastDropLog = long.MinValue;

    public bool Enabled => true;

    /// <summary>Rows taken but not yet written (also on /metrics, with what was written and dropped).</summary>
    private long Buffered => Interlocked.Read(ref _buffered);

    private bool WaitsWhenFull => mode.Kind == PulseHostKind.ClusterSilo;

    public async ValueTask AppendAsync(IReadOnlyList<ScoredMention> mentions, ArchiveOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return;
        }

        while (Buffered > 0 && Buffered + mentions.Count > options.Value.BufferCapacity)
        {
            if (!WaitsWhenFull)
            {
                Drop(mentions.Count);
                return;
            }

            // Woken after each write; the timeout only re-checks in case a release raced the check above.
            await _space.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
        }

        Interlocked.Add(ref _buffered, mentions.Count);
        metrics.ArchiveBuffered(mentions.Count);
        _queue.Writer.TryWrite(new Delivery(mentions, origin, _generations.Appended()));
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = _generations.FlushAsync(cancellationToken);
        if (!flushed.IsCompleted)
        {
            // Wakes writers gathering a batch: the rows are written now, not when the batch fills or its interval ends.
            Interlocked.Exchange(ref _flushRequested, NewSignal()).TrySetResult();
        }

        return flushed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await RetryAsync(ct => database.EnsureSchemaAsync(ct), "creating the archive's tables", stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, settings.Writers).Select(_ => WriteLoopAsync(settings, stoppingToken)));
    }

    /// <summary>One of <see cref="ArchiveOptions.Writers"/> loops, each with its own connection per batch.</summary>
    private async Task WriteLoopAsync(ArchiveOptions settings, CancellationToken stoppingToken)
    {
        var batch = new Batch();
        var write = new BatchWrite(analyzer);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await GatherAsync(batch, settings, stoppingToken);
                await WriteAsync(batch, write, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var final = new CancellationTokenSource(FinalFlush, clock);
            while (_queue.Reader.TryRead(out var delivery))
            {
                batch.Add(delivery);
            }

            try
            {
                await WriteAsync(batch, write, final.Token);
            }
            catch (OperationCanceledException)
            {
                LogUnwrittenAtStop(batch.Count);
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="batch"/> until it holds a batch's rows, the flush interval has passed, or a flush waits.
    /// </summary>
    private async Task GatherAsync(Batch batch, ArchiveOptions settings, CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            var flushRequested = Volatile.Read(ref _flushRequested).Task;
            while (batch.Count < settings.BatchSize && _queue.Reader.TryRead(out var delivery))
            {
                batch.Add(delivery);
            }

            var left = settings.FlushInterval - clock.GetElapsedTime(started);
            if (batch.Count >= settings.BatchSize || left <= TimeSpan.Zero || (batch.Count > 0 && _generations.FlushWaiting))
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(left);
            var more = _queue.Reader.WaitToReadAsync(wait.Token).AsTask();
            await Task.WhenAny(more, flushRequested);
            if (!more.IsCompleted)
            {
                await wait.CancelAsync(); // a flush came first: release the channel's waiter
            }

            try
            {
                await more;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                if (!flushRequested.IsCompleted)
                {
                    return; // the interval ended
                }
            }
        }
    }

    private async Task WriteAsync(Batch batch, BatchWrite write, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var written = 0;
        await RetryAsync(async ct => written = await write.WriteAsync(database, batch.Deliveries, ct), "writing archived mentions", cancellationToken);
        Interlocked.Add(ref _buffered, -batch.Count);
        metrics.ArchiveWritten(batch.Count, written);
        _generations.Written(batch.Generations);
        batch.Clear();
        if (_space.CurrentCount == 0)
        {
            _space.Release();
        }
    }

    /// <summary>Retries with a doubling pause (0.5 s to 30 s) until it works or the host stops.</summary>
    private async Task RetryAsync(Func<CancellationToken, Task> work, string what, CancellationToken cancellationToken)
    {
        var pause = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work(cancellationToken);
                if (attempt > 1)
                {
                    LogRecovered(what, attempt);
                }

                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
            {
                metrics.ArchiveFailed();
                LogRetrying(what, attempt, pause.TotalSeconds, Buffered, e.Message);
                await Task.Delay(pause, clock, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private void Drop(int count)
    {
        var total = Interlocked.Add(ref _dropped, count);
        metrics.ArchiveDropped(count);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropLog);
        if ((last == long.MinValue || clock.GetElapsedTime(last, now) >= DropLogEvery) && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            LogDropped(total, options.Value.BufferCapacity);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One append: its rows, where they came from, and the <see cref="WriteGenerations">generation</see> a flush waits on.</summary>
    private readonly record struct Delivery(IReadOnlyList<ScoredMention> Rows, ArchiveOrigin? Origin, long Generation);

    /// <summary>The deliveries of one write and their generations.</summary>
    private sealed class Batch
    {
        public List<(IReadOnlyList<ScoredMention> Mentions, ArchiveOrigin? Origin)> Deliveries { get; } = [];

        public List<long> Generations { get; } = [];

        public int Count { get; private set; }

        public void Add(Delivery delivery)
        {
            Deliveries.Add((delivery.Rows, delivery.Origin));
            Generations.Add(delivery.Generation);
            Count += delivery.Rows.Count;
        }

        public void Clear()
        {
            Deliveries.Clear();
            Generations.Clear();
            Count = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive: {What} failed (attempt {Attempt}), retrying in {Seconds} s with {Buffered} mentions buffered: {Error}")]
    private partial void LogRetrying(string what, int attempt, double seconds, long buffered, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive: {What} worked again after {Attempts} attempts")]
    private partial void LogRecovered(string what, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive: the buffer of {Capacity} mentions is full (PostgreSQL slow or down); {Total} matched mentions dropped from the archive so far (their counts in the windows are unaffected)")]
    private partial void LogDropped(long total, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive: {Count} mentions were not written before the host stopped")]
    private partial void LogUnwrittenAtStop(int count);
}
