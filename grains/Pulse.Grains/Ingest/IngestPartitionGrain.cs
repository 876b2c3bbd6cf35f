using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Pulse.Grains.Archive;
using Pulse.Grains.Brands;
using Pulse.Grains.Channels;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Where a mention becomes window updates: matches and scores each batch from its partition stream (cluster mode), or
/// takes batches the direct ingestor already matched and scored for its brands (embedded default), then hands every
/// (brand, channel) grain its share as one call.
/// Batches are processed one at a time, which pushes back on ingest when grains fall behind.
/// </summary>
/// <remarks>
/// With a durable log (cluster mode) the partition also keeps counts exact across failures: see
/// <see cref="PartitionProgress"/>. It commits its log position on a timer once every grain it fed has saved its state,
/// catches up from the last commit when it (re)activates, and replays from there when a grain reports a gap.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.IngestNamespace)]
internal sealed partial class IngestPartitionGrain(
    BrandMatcherCache brands,
    MentionEnricher enricher,
    IIngestLog log,
    IOptions<DurableIngestOptions> durableOptions,
    IngestPartitionMonitor monitor,
    IClusterMembershipService membership,
    TimeProvider clock,
    PulseMetrics metrics,
    IMentionArchive archive,
    ILogger<IngestPartitionGrain> logger) : Grain, IIngestPartitionGrain
{
    // Failures are caught whatever their type: a grain has no cancellation of its own here, and Orleans reports some call
    // timeouts (an expired placement, say) as OperationCanceledException, which must be retried and replayed like any other.

    /// <summary>Progress is re-reported at most this often while nothing fails: /healthz needs no finer resolution.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Passes of one replay before it gives up until the next batch or tick: each restart means another grain died during
    /// the pass, and a silo rarely takes more than one pass's grains with it.
    /// </summary>
    private const int ReplayPasses = 3;

    private int _partition;
    private PartitionProgress? _progress;
    private readonly PartitionCatchUp _catchUp = new();
    private MembershipSettle? _settle;
    private PartitionHealth _health = new(0, DateTimeOffset.MinValue, 0, null);
    private bool _stallLogged;
    private readonly Dictionary<string, IBrandChannelGrain> _channels = new(StringComparer.Ordinal);

    /// <summary>The archive flush asked for at the last commit tick, and the position it covers (see <see cref="Committable"/>).</summary>
    private (LogPosition Position, Task Flushed)? _archiving;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _partition = int.Parse(this.GetPrimaryKeyString(), CultureInfo.InvariantCulture);
        _health = new PartitionHealth(_partition, clock.GetUtcNow(), 0, null);
        monitor.Report(_health);
        if (log.IsDurable)
        {
            var committed = await log.ReadCommittedAsync(_partition, cancellationToken);
            _progress = new PartitionProgress(committed);
            var interval = durableOptions.Value.CommitInterval;
            _settle = new MembershipSettle(interval, membership.CurrentSnapshot.Version.Value);
            this.RegisterGrainTimer(CommitAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
            if (await log.ReadLastAsync(_partition, cancellationToken) is var newest && newest > committed)
            {
                // A predecessor that died may have taken these from the stream without handing them on, and the stream
                // does not deliver them again: replay them now rather than wait for a new batch that may never come.
                _catchUp.Behind(newest);
                this.RegisterGrainTimer(CatchUpAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });
            }
        }

        // The embedded default has no ingest stream: its ingestor matches and scores, then calls DeliverAsync.
        if (ServiceProvider.GetKeyedService<IStreamProvider>(StreamNames.Provider) is { } provider)
        {
            var stream = provider.GetStream<MentionBatch>(StreamId.Create(StreamNames.IngestNamespace, this.GetPrimaryKeyString()));
            await stream.SubscribeAsync((batch, token) => OnBatchAsync(batch, token));
        }
    }

    /// <summary>
    /// A silo died. A new activation (this partition died with it) has already scheduled its replay; a live one asks the
    /// grains it fed since the last commit whether they still hold it now, instead of at the next commit tick, and
    /// replays if one of them died with the silo.
    /// </summary>
    public async Task WakeAsync()
    {
        if (_progress is { Pending: > 0 })
        {
            await CommitAsync();
        }
    }

    public async Task DeliverAsync(ScoredBatch batch)
    {
        await SendAsync(MentionEnricher.Group(batch.Mentions), origin: null, replay: null);
        Progressed();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_progress is { Pending: > 0 })
        {
            await CommitAsync();
        }

        monitor.Leave(_partition);
    }

    private async Task OnBatchAsync(MentionBatch batch, StreamSequenceToken? token)
    {
        if (_progress is not { } progress || token is null)
        {
            await SendAsync(batch.Mentions, origin: null, replay: null);
            Progressed();
            return;
        }

        var position = new LogPosition(token.SequenceNumber, token.EventIndex);
        try
        {
            await ApplyAsync(progress, batch, position);
            Progressed();
        }
        catch (Exception ex)
        {
            // The stream redelivers it, but gives up after a minute: the next batch or the commit timer replays it first.
            _catchUp.Failed(position);
            Failed(ex);
            throw;
        }
    }

    private async Task ApplyAsync(PartitionProgress progress, MentionBatch batch, LogPosition position)
    {
        if (_catchUp.ReplayUpTo(position) is { } upTo)
        {
            // New activation, or a batch failed: re-send everything from the commit (grains skip what they hold).
            await ReplayAsync(progress, upTo);
            _catchUp.Replayed();
            return;
        }

        if (progress.IsProcessed(position))
        {
            return; // redelivered after the stream's reader restarted from the commit; already handed on
        }

        // Marked processed only once every grain took it: if delivery fails, the stream redelivers it and it goes again.
        if (!await SendAsync(batch.Mentions, new IngestOrigin(_partition, position), replay: null))
        {
            LogGap(_partition, progress.Committed, position);
            await ReplayAsync(progress, position);
        }

        progress.Processing(position);
    }

    /// <summary>
    /// Matches, scores and sends one batch; false when a grain reported that it lost earlier deliveries (it then did not
    /// apply this one either). With an origin each grain is told what it must already hold (<see cref="IngestOrigin.Previous"/>):
    /// what this partition sent it since its last commit, or within a <paramref name="replay"/> what that pass sent it.
    /// </summary>
    private async Task<bool> SendAsync(Mention[] mentions, IngestOrigin? origin, PartitionReplay? replay)
    {
        var compiled = await brands.CurrentAsync();
        var groups = enricher.Enrich(mentions, compiled, out var unmatched);
        if (unmatched > 0)
        {
            LogUnmatched(unmatched, mentions.Length);
        }

        return await SendAsync(groups, origin, replay);
    }

    private async Task<bool> SendAsync(Dictionary<ChannelKey, List<ScoredMention>> groups, IngestOrigin? origin, PartitionReplay? replay)
    {
        var keys = new string[groups.Count];
        var previous = new LogPosition?[groups.Count];
        var sent = new ScoredMention[groups.Count][];
        var calls = new Task<RecordOutcome>[groups.Count];
        var i = 0;
        foreach (var (key, scored) in groups)
        {
            keys[i] = key.ToString();
            previous[i] = origin is null || _progress is null ? null : replay is null ? _progress.LastSent(keys[i]) : replay.Previous(keys[i]);
            sent[i] = [.. scored];
            calls[i] = RecordWithRetryAsync(keys[i], sent[i], origin is null ? null : origin with { Previous = previous[i] });
            i++;
        }

        var outcomes = await Task.WhenAll(calls);
        metrics.PartitionDelivered(_partition, groups.Sum(g => g.Value.Count));
        if (archive.Enabled)
        {
            // After the grains recorded it. While the archive's buffer is full this waits in cluster mode, so the stream
            // stops taking from the log, which holds the rest; commits wait for the rows' write (Committable).
            var from = origin is null || _progress is null ? (ArchiveOrigin?)null
                : new ArchiveOrigin(_partition, origin.Position, _progress.Committed, Replayed: replay is not null);
            await archive.AppendAsync(Archivable(sent, outcomes), from, CancellationToken.None);
        }
        if (origin is null || _progress is not { } progress)
        {
            return true;
        }

        var intact = true;
        for (var k = 0; k < keys.Length; k++)
        {
            var delivered = progress.Delivered(keys[k], origin.Position, outcomes[k].AppliedBefore);
            // Mid-replay, what a grain held before the pass says nothing: only the pass's own predecessor counts.
            intact &= replay is null ? delivered : replay.Answered(keys[k], origin.Position, previous[k], outcomes[k].AppliedBefore);
        }

        return intact;
    }

    /// <summary>What the grains took, less the mentions they skipped as seen before (a client's retry, say).</summary>
    private static List<ScoredMention> Archivable(ScoredMention[][] sent, RecordOutcome[] outcomes)
    {
        var archivable = new List<ScoredMention>(sent.Sum(s => s.Length));
        for (var k = 0; k < sent.Length; k++)
        {
            if (outcomes[k].Duplicates is not { Length: > 0 } duplicates)
            {
                archivable.AddRange(sent[k]);
                continue;
            }

            var skipped = duplicates.ToHashSet();
            archivable.AddRange(sent[k].Where((_, index) => !skipped.Contains(index)));
        }

        return archivable;
    }

    /// <summary>
    /// Retries a grain that is briefly unreachable (its silo just died and it is reactivating elsewhere) instead of
    /// failing the stream event, which the stream would redeliver anyway: the batch is applied at most once per grain.
    /// </summary>
    private async Task<RecordOutcome> RecordWithRetryAsync(string key, ScoredMention[] mentions, IngestOrigin? origin)
    {
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChannelGrain(key).RecordAsync(mentions, origin);
            }
            catch (Exception ex)
            {
                var delay = RetryBackoff.Delay(attempt, Random.Shared.NextDouble());
                if (clock.GetElapsedTime(started) + delay > RetryBackoff.Budget)
                {
                    throw;
                }

                LogRetry(key, attempt, ex.Message);
                Failed(ex);
                await Task.Delay(delay, clock);
            }
        }
    }

    /// <summary>
    /// Grain references are kept: GetGrain resolves the interface's grain type by reflection on every call (3–4 % of the
    /// silo's CPU at one call per group per batch).
    /// </summary>
    private IBrandChannelGrain ChannelGrain(string key)
    {
        if (!_channels.TryGetValue(key, out var grain))
        {
            _channels[key] = grain = GrainFactory.GetGrain<IBrandChannelGrain>(key);
        }

        return grain;
    }

    /// <summary>
    /// Re-sends every batch after the last commit up to <paramref name="upTo"/> from the durable log; grains skip what
    /// they hold. A grain that loses replayed batches during the pass refuses the next one (see <see cref="PartitionReplay"/>)
    /// and the pass starts over; after <see cref="ReplayPasses"/> such passes the replay fails and is tried again later.
    /// </summary>
    private async Task ReplayAsync(PartitionProgress progress, LogPosition upTo)
    {
        for (var pass = 1; ; pass++)
        {
            var replay = new PartitionReplay();
            var from = progress.Committed;
            if (archive.Enabled)
            {
                // The archive skips replayed mentions it already holds: what this silo wrote before must be there to see.
                await archive.FlushAsync(CancellationToken.None);
            }

            var batches = 0;
            var intact = true;
            await foreach (var (position, batch) in log.ReadAsync(_partition, from, upTo))
            {
                if (!await SendAsync(batch.Mentions, new IngestOrigin(_partition, position), replay))
                {
                    intact = false;
                    break;
                }

                progress.Processing(position);
                batches++;
            }

            if (intact)
            {
                progress.Processing(upTo);
                LogReplayed(_partition, batches, from, upTo);
                return;
            }

            LogReplayInterrupted(_partition, pass);
            if (pass == ReplayPasses)
            {
                throw new InvalidOperationException($"Partition {_partition}: grains kept losing replayed batches in {pass} passes.");
            }
        }
    }

    /// <summary>
    /// Asks every grain fed since the last commit to save its state, then commits. A grain that reports less than it was
    /// sent lost it (crash before saving): replay first, then try again at the next tick.
    /// </summary>
    private async Task CommitAsync()
    {
        if (_progress is not { } current)
        {
            return;
        }

        try
        {
            await CommitOrHealAsync(current);
        }
        finally
        {
            CheckStall();
        }
    }

    private async Task CatchUpAsync()
    {
        if (_progress is { } current)
        {
            await HealAsync(current);
        }
    }

    /// <summary>
    /// Replays a failed batch that no newer one came to carry (the stream gave up on it, or the load stopped), or the
    /// entries a new activation found after the commit; false when that replay failed (the next tick tries again).
    /// </summary>
    private async Task<bool> HealAsync(PartitionProgress current)
    {
        if (_catchUp.Pending is not { } upTo)
        {
            return true;
        }

        try
        {
            await ReplayAsync(current, upTo);
            _catchUp.Replayed();
            Progressed();
            return true;
        }
        catch (Exception ex)
        {
            LogReplayFailed(_partition, ex.Message);
            Failed(ex);
            return false;
        }
    }

    private async Task CommitOrHealAsync(PartitionProgress current)
    {
        if (!await HealAsync(current))
        {
            return;
        }

        var settled = _settle?.IsSettled(membership.CurrentSnapshot.Version.Value, clock.GetUtcNow()) != false;
        if (current is not { Pending: > 0 } progress)
        {
            return;
        }

        var keys = progress.GrainsSinceCommit.ToArray();
        LogPosition?[] saved;
        try
        {
            saved = await Task.WhenAll(keys.Select(k => ChannelGrain(k).SaveAsync(_partition)));
        }
        catch (Exception ex)
        {
            LogCommitFailed(_partition, ex.Message);
            Failed(ex);
            return;
        }

        for (var k = 0; k < keys.Length; k++)
        {
            if (!progress.IsIntact(keys[k], saved[k]))
            {
                LogGap(_partition, progress.Committed, progress.Processed);
                try
                {
                    await ReplayAsync(progress, progress.Processed);
                }
                catch (Exception ex)
                {
                    // Left to the next tick's heal, which replays before it asks the grains again.
                    _catchUp.Failed(progress.Processed);
                    LogReplayFailed(_partition, ex.Message);
                    Failed(ex);
                }

                return;
            }
        }

        if (!settled)
        {
            return; // every grain holds what it was sent, but the commit waits until the directory has settled
        }

        if (Committable(progress) is not { } commit)
        {
            return;
        }

        try
        {
            await log.CommitAsync(_partition, commit);
            progress.Commit(commit);
            Progressed();
        }
        catch (Exception ex)
        {
            LogCommitFailed(_partition, ex.Message);
            Failed(ex);
        }
    }

    /// <summary>
    /// The position to commit now that every grain saved what it was sent. With the archive on, that is the last position
    /// whose rows the archive has written: rows still buffered in a silo that dies must stay after the commit, so the
    /// replay writes them. The flush for the current position is asked for here and checked at a later tick, not
    /// awaited: a slow PostgreSQL must not hold this partition's turns, and a commit one tick behind only lengthens a
    /// replay. A flush still running is waited for rather than replaced, so commits go on while the archive lags.
    /// </summary>
    private LogPosition? Committable(PartitionProgress progress)
    {
        if (!archive.Enabled)
        {
            return progress.Processed;
        }

        if (_archiving is { } asked && !asked.Flushed.IsCompleted)
        {
            LogCommitWaitsForArchive(_partition, asked.Position);
            return null;
        }

        var previous = _archiving;
        var flush = archive.FlushAsync(CancellationToken.None);
        _archiving = (progress.Processed, flush);
        var written = flush.IsCompletedSuccessfully ? progress.Processed : previous?.Position;
        return written is { } position && position > progress.Committed ? position : null;
    }

    private void Progressed()
    {
        var now = clock.GetUtcNow();
        if (_health.FailedAttempts == 0 && now - _health.LastProgress < ReportEvery)
        {
            return;
        }

        if (_stallLogged)
        {
            LogResumed(_partition, (now - _health.LastProgress).TotalSeconds);
            _stallLogged = false;
        }

        _health = _health.Progressed(now);
        monitor.Report(_health);
    }

    private void Failed(Exception ex)
    {
        _health = _health.Failed(ex.Message);
        monitor.Report(_health);
    }

    /// <summary>Logs a stall once, as an error: warnings per failed attempt are easy to miss, a stopped partition must not be.</summary>
    private void CheckStall()
    {
        var now = clock.GetUtcNow();
        if (!_stallLogged && _health.IsStalled(now, monitor.StallAfter))
        {
            LogStalled(_partition, (now - _health.LastProgress).TotalSeconds, _health.FailedAttempts, _health.LastError ?? "");
            _stallLogged = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Unmatched} of {Total} mentions matched no brand and were dropped")]
    private partial void LogUnmatched(int unmatched, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: a grain lost deliveries after {Committed} (up to {Position}); replaying from the last commit")]
    private partial void LogGap(int partition, LogPosition committed, LogPosition position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition}: replayed {Batches} batches after {From} up to {UpTo}")]
    private partial void LogReplayed(int partition, int batches, LogPosition from, LogPosition upTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: a grain lost replayed batches during replay pass {Pass}; replaying from the last commit again")]
    private partial void LogReplayInterrupted(int partition, int pass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery to {Grain} failed (attempt {Attempt}), retrying: {Reason}")]
    private partial void LogRetry(string grain, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: commit failed, retrying at the next tick: {Reason}")]
    private partial void LogCommitFailed(int partition, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Partition {Partition}: the commit waits for the archive to write the rows up to {Position}; checked again at the next tick")]
    private partial void LogCommitWaitsForArchive(int partition, LogPosition position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: replay after the last commit failed, retrying at the next tick: {Reason}")]
    private partial void LogReplayFailed(int partition, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partition {Partition}: stalled, no delivery or commit for {Seconds:0} s after {Attempts} failed attempts; still retrying. Last error: {Reason}")]
    private partial void LogStalled(int partition, double seconds, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition}: progressing again after {Seconds:0} s")]
    private partial void LogResumed(int partition, double seconds);
}
