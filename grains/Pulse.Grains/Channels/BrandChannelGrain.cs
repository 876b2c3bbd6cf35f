using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;
using Pulse.Grains.Stats;
using Pulse.Grains.Telemetry;
using Pulse.Grains.Ticks;

namespace Pulse.Grains.Channels;

// Orchestrates one (brand, channel): its state (ChannelState), detection (ChannelDetection), live snapshots
// (ChannelSnapshots) and, in cluster mode, checkpoints (ChannelCheckpoints, detection included) whenever the ingest partitions
// commit. On the embedded default nothing else holds the windows, so the grain stays active as long as its longest window.
[CollectionAgeLimit(Hours = 25)]
internal sealed partial class BrandChannelGrain(
    IIngestLog ingestLog,
    IOptions<ChannelWindowOptions> options,
    IOptions<AlertOptions> alertOptions,
    DashboardOutbox dashboard,
    TickCadences cadences,
    Serializer serializer,
    TimeProvider clock,
    ILogger<BrandChannelGrain> logger) : Grain, IBrandChannelGrain
{
    private static readonly TimeSpan SensitivityRefresh = TimeSpan.FromSeconds(30);

    // After a failed call: soon, since detection and alerts wait for it, but not every tick while the silo is away.
    private static readonly TimeSpan SensitivityRetry = TimeSpan.FromSeconds(5);

    // Signals waiting for the brand's alerts grain. A backlog means that grain is unreachable for a while; beyond a few
    // dozen, the oldest are the least useful (the alert they would open has newer signals behind it).
    private const int MaxQueuedSignals = 32;

    private readonly ChannelDetection _detection = new(alertOptions.Value, logger);
    private ChannelSnapshots _snapshots = new(options.Value.SnapshotInterval);
    private ChannelState _state = null!;
    private IChannelCheckpointStore? _store;
    private IBrandGrain _brand = null!;
    private DateTimeOffset _nextSensitivityAsk;
    private CadencedTimer? _timer;

    // Calls to other grains run beside the grain (GrainCallSlot): activation and the tick never wait for them.
    private readonly GrainCallSlot _sensitivityCall = new();
    private readonly GrainCallSlot _signalCall = new();
    private readonly GrainCallSlot _reportCall = new();
    private readonly Queue<AlertSignal> _signals = new();
    private AlertSignal? _sending; // out, or failed and to go again before any queued one
    private DateTimeOffset _nextSignalAt;

    // Not kept in a field like the brand's (called every second): asked every 30 s or on an alert, a reference costs each
    // grain ≈ 100 bytes more than resolving it then.
    private IBrandAlertsGrain BrandAlerts => GrainFactory.GetGrain<IBrandAlertsGrain>(_state.Key.BrandId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = ChannelKey.Parse(this.GetPrimaryKeyString());
        // Kept: GetGrain resolves the grain type by reflection on every call, and the tick calls the brand every second.
        _brand = GrainFactory.GetGrain<IBrandGrain>(key.BrandId);
        var store = ingestLog.IsDurable ? ServiceProvider.GetRequiredService<IChannelCheckpointStore>() : null;
        if (store is null)
        {
            _state = new ChannelState(key, options.Value, clock);
        }
        else
        {
            (_state, var saved) = await ChannelCheckpoints.RestoreAsync(store, serializer, key, options.Value, clock, cancellationToken);
            _detection.ResumeFrom(key, saved); // continued by the first UseSensitivity: no warm-up after a failover
        }

        _store = store; // saves (and the save on deactivation) begin once there is a state to save
        AskSensitivity(clock.GetUtcNow()); // detection starts when it answers (a tick or two), never holding activation
        // Snapshots of a busy channel go out from RecordAsync; the timer only needs to catch trailing mentions, let rates
        // decay and run detection, so it ticks at most once a second (8 000 grains ticking 4 times a second cost the silo
        // more than the mentions did), and less often when the silo holds more grains than its tick budget.
        var interval = TickInterval();
        _timer = new CadencedTimer(this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false }), interval);
        cadences.Channels.Enter();
    }

    private TimeSpan TickInterval()
    {
        var cadence = cadences.Channels.Interval;
        return options.Value.SnapshotInterval > cadence ? options.Value.SnapshotInterval : cadence;
    }

    /// <summary>Follows the silo's cadence as grains come and go (whole seconds, so a timer is re-armed rarely).</summary>
    private void FollowCadence() => _timer?.Follow(TickInterval());

    public Task<RecordOutcome> RecordAsync(ScoredMention[] mentions, IngestOrigin? origin = null)
    {
        var now = clock.GetUtcNow();
        var applied = _state.Apply(mentions, origin, now);
        if (applied.DuplicateCount > 0)
        {
            // Resolved when needed rather than kept: duplicates are rare, and a field costs each of 100 000 grains 8 bytes.
            ServiceProvider.GetRequiredService<PulseMetrics>().Deduplicated(applied.DuplicateCount);
        }

        if (applied.Accepted)
        {
            _snapshots.AfterRecord(_state, applied.Counted, now, dashboard);
        }

        return Task.FromResult(new RecordOutcome(applied.Before, applied.Duplicates));
    }

    public async Task<LogPosition?> SaveAsync(int partition)
    {
        await SaveCheckpointAsync();
        return _state.LastApplied(partition);
    }

    private Task SaveCheckpointAsync() => _store is null ? Task.CompletedTask : ChannelCheckpoints.SaveAsync(_store, serializer, _state, _detection);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            cadences.Channels.Leave();
        }

        // A graceful shutdown or idle collection saves what the partitions have not committed yet; a crash does not,
        // and the partitions replay it from their last commit.
        try
        {
            await SaveCheckpointAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSaveFailed(logger, _state.Key.ToString(), ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} could not save its windows on deactivation; the ingest log replays them: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string grain, string reason);

    public Task<WindowStats> GetStatsAsync(TimeSpan window) =>
        Task.FromResult(WindowStats.From(_state.Windows.Sum(clock.GetUtcNow(), window), window));

    public Task<(ChannelSeries Series, DateTimeOffset Start)> GetSeriesAsync(TimeSpan resolution, int points) =>
        Task.FromResult(_state.Series(resolution, points, clock.GetUtcNow()));

    public Task<MentionView[]> GetLatestAsync(int limit) => Task.FromResult(_state.Latest.Newest(limit));

    /// <summary>Detection, then what no record published, then the latest snapshot to the brand; no call to another grain is awaited.</summary>
    private Task TickAsync()
    {
        var now = clock.GetUtcNow();
        UseSensitivityAnswer(now);
        if (_detection.Started)
        {
            // Alerts go out at once, not on the snapshot cadence: they are what crisis teams act on.
            foreach (var signal in _detection.Detect(_state, now))
            {
                QueueSignal(signal);
            }
        }

        SendSignal(now);
        _snapshots.OnTick(_state, now, dashboard);
        _state.Tidy(now);
        // The brand's summary has the same one-second cadence: while a report is out, the next waits (and is newer then).
        if (!_reportCall.Busy)
        {
            ObserveFailure(_reportCall, "report to its brand");
            if (_snapshots.TakeUnreported() is { } unreported)
            {
                _reportCall.Start(_brand.ReportAsync(unreported));
            }
        }

        FollowCadence();
        return Task.CompletedTask;
    }

    /// <summary>Asks the brand's alert settings for its sensitivity (every 30 s), unless an ask is out.</summary>
    private void AskSensitivity(DateTimeOffset now)
    {
        if (!_sensitivityCall.Busy && now >= _nextSensitivityAsk)
        {
            _nextSensitivityAsk = now + SensitivityRefresh;
            _sensitivityCall.Start(BrandAlerts.GetSettingsAsync());
        }
    }

    private void UseSensitivityAnswer(DateTimeOffset now)
    {
        if (_sensitivityCall.TakeEnded(out var failure) is Task<AlertSettings> answered)
        {
            if (failure is null)
            {
                _detection.UseSensitivity(answered.Result.Sensitivity, now);
            }
            else
            {
                LogCallFailed(logger, _state.Key.ToString(), "ask its brand's sensitivity", failure.Message);
                _nextSensitivityAsk = now + SensitivityRetry;
            }
        }

        AskSensitivity(now);
    }

    private void QueueSignal(AlertSignal signal)
    {
        if (_signals.Count == MaxQueuedSignals)
        {
            LogSignalDropped(logger, _state.Key.ToString(), _signals.Dequeue().Kind);
        }

        _signals.Enqueue(signal);
    }

    /// <summary>Signals go to the brand's alerts one at a time, in order; a failed one goes again before the next.</summary>
    private void SendSignal(DateTimeOffset now)
    {
        if (_signalCall.Busy || now < _nextSignalAt)
        {
            return;
        }

        if (_signalCall.TakeEnded(out var failure) is not null)
        {
            if (failure is null)
            {
                _sending = null;
            }
            else
            {
                LogCallFailed(logger, _state.Key.ToString(), "signal its brand's alerts", failure.Message);
                _nextSignalAt = now + SensitivityRetry;
                return;
            }
        }

        if (_sending is null && _signals.Count > 0)
        {
            _sending = _signals.Dequeue();
        }

        if (_sending is { } next)
        {
            _signalCall.Start(BrandAlerts.SignalAsync(next));
        }
    }

    private void ObserveFailure(GrainCallSlot slot, string what)
    {
        if (slot.TakeEnded(out var failure) is not null && failure is not null)
        {
            LogCallFailed(logger, _state.Key.ToString(), what, failure.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} could not {What}; it tries again on a later tick: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string grain, string what, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} dropped its oldest waiting {Kind} signal: its brand's alerts have been unreachable too long")]
    private static partial void LogSignalDropped(ILogger logger, string grain, AlertKind kind);
}
