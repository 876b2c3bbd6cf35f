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
    Serializer serializer,
    TimeProvider clock,
    ILogger<BrandChannelGrain> logger) : Grain, IBrandChannelGrain
{
    private static readonly TimeSpan SensitivityRefresh = TimeSpan.FromSeconds(30);

    private readonly ChannelDetection _detection = new(alertOptions.Value, logger);
    private ChannelSnapshots _snapshots = new(options.Value.SnapshotInterval);
    private ChannelState _state = null!;
    private IChannelCheckpointStore? _store;
    private IBrandGrain _brand = null!;
    private DateTimeOffset _sensitivityChecked;

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
        await UseBrandSensitivityAsync();
        // Snapshots of a busy channel go out from RecordAsync; the timer only needs to catch trailing mentions, let rates
        // decay and run detection, so it ticks at most once a second: 8 000 grains ticking 4 times a second cost the silo
        // more than the mentions did.
        var interval = options.Value.SnapshotInterval > ChannelSnapshots.RefreshInterval ? options.Value.SnapshotInterval : ChannelSnapshots.RefreshInterval;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
    }

    public Task<LogPosition?> RecordAsync(ScoredMention[] mentions, IngestOrigin? origin = null)
    {
        var now = clock.GetUtcNow();
        var applied = _state.Apply(mentions, origin, now);
        if (applied.Accepted)
        {
            _snapshots.AfterRecord(_state, applied.Counted, now, dashboard);
        }

        return Task.FromResult(applied.Before);
    }

    public async Task<LogPosition?> SaveAsync(int partition)
    {
        await SaveCheckpointAsync();
        return _state.LastApplied(partition);
    }

    private Task SaveCheckpointAsync() => _store is null ? Task.CompletedTask : ChannelCheckpoints.SaveAsync(_store, serializer, _state, _detection);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
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

    /// <summary>Detection, then what no record published, then the latest snapshot to the brand.</summary>
    private async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _sensitivityChecked >= SensitivityRefresh)
        {
            await UseBrandSensitivityAsync();
        }

        // Alerts go out at once, not on the snapshot cadence: they are what crisis teams act on.
        foreach (var signal in _detection.Detect(_state, now))
        {
            await BrandAlerts.SignalAsync(signal);
        }

        _snapshots.OnTick(_state, now, dashboard);
        _state.Tidy(now);
        if (_snapshots.TakeUnreported() is { } unreported)
        {
            await _brand.ReportAsync(unreported);
        }
    }

    /// <summary>The brand's sensitivity from its alert settings, asked every 30 s.</summary>
    private async Task UseBrandSensitivityAsync()
    {
        _sensitivityChecked = clock.GetUtcNow();
        _detection.UseSensitivity((await BrandAlerts.GetSettingsAsync()).Sensitivity, _sensitivityChecked);
    }
}
