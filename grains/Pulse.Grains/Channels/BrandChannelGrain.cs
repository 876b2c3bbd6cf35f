using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Incidents;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;
using Pulse.Grains.Stats;
using Orleans.Serialization;

namespace Pulse.Grains.Channels;

// Windows live in memory; on the embedded default nothing else holds them, so the grain stays active as long as its
// longest window. In cluster mode they are also saved as a checkpoint whenever the ingest partitions commit, to the
// IChannelCheckpointStore: the windows whole, the de-duplication ids incrementally (SeenIdsJournal).
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
    private static readonly TimeSpan LiveRateSpan = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LiveSpan = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    // Alerts raised by one detection pass; one list per thread, not per grain (copied before the turn awaits).
    [ThreadStatic]
    private static List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)>? t_alerts;

    private MultiResolutionWindows _windows = new(WindowLayout.Default);
    private RecentMentionIds _seen = new(options.Value.DedupHorizon, clock);
    private LatestMentions _latest = new(options.Value.LatestMentions);
    private readonly RisingTerms _terms = new(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
    private readonly TopRecentMentions _top = new(5, TimeSpan.FromMinutes(5));
    private static readonly TimeSpan SensitivityRefresh = TimeSpan.FromSeconds(30);
    private LiveDetection _detection = null!;
    private Sensitivity? _sensitivity;
    private DateTimeOffset _sensitivityChecked;
    private readonly Dictionary<int, LogPosition> _applied = [];
    private bool _changedSinceSave;
    private IChannelCheckpointStore? _store;
    private SeenIdsJournal? _journal;
    private ChannelKey _key;
    private IBrandGrain _brand = null!;
    private int _unpublished;
    private long _lastPublishedPerMinute;
    private DateTimeOffset _lastPublished;
    private DateTimeOffset _trimmed;
    private ChannelSnapshot? _unreported;
    private SnapshotBudget _snapshotBudget = new(options.Value.SnapshotInterval);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ChannelKey.Parse(this.GetPrimaryKeyString());
        // Kept: GetGrain resolves the grain type by reflection on every call, and the tick calls the brand every second.
        _brand = GrainFactory.GetGrain<IBrandGrain>(_key.BrandId);
        if (ingestLog.IsDurable)
        {
            _store = ServiceProvider.GetRequiredService<IChannelCheckpointStore>();
            var saved = await _store.ReadAsync(_key.ToString(), cancellationToken);
            var chunks = saved is null ? [] : saved.Chunks.Select(c => SeenIdsChunk.FromBytes(c)).ToList();
            if (saved is not null)
            {
                var state = serializer.Deserialize<ChannelCheckpoint>(saved.Checkpoint)
                    ?? throw new InvalidOperationException($"The checkpoint of {_key} is empty.");
                Restore(state, chunks);
            }

            _journal = new SeenIdsJournal(chunks.Select(c => c.SavedAt));
        }

        await ApplyBrandSensitivityAsync();
        // Snapshots of a busy channel go out from RecordAsync; the timer only needs to catch trailing mentions, let rates
        // decay and run detection, so it ticks at most once a second: 8 000 grains ticking 4 times a second cost the silo
        // more than the mentions did.
        var interval = options.Value.SnapshotInterval > TickInterval ? options.Value.SnapshotInterval : TickInterval;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
    }

    public Task<LogPosition?> RecordAsync(ScoredMention[] mentions, IngestOrigin? origin = null)
    {
        LogPosition? before = null;
        if (origin is not null)
        {
            if (_applied.TryGetValue(origin.Partition, out var applied))
            {
                before = applied;
            }

            if (before >= origin.Position)
            {
                return Task.FromResult(before); // a replay of a batch this grain already holds
            }

            if (origin.Previous is { } previous && !(before >= previous))
            {
                return Task.FromResult(before); // earlier deliveries were lost with a crash: the partition replays them first
            }

            _applied[origin.Partition] = origin.Position;
        }

        Apply(mentions);
        _changedSinceSave = true;
        var now = clock.GetUtcNow();
        if (_unpublished > 0 && _snapshotBudget.TryTake(now))
        {
            PublishSnapshot(now);
        }

        return Task.FromResult(before);
    }

    private void Apply(ScoredMention[] mentions)
    {
        var now = clock.GetUtcNow();
        foreach (var scored in mentions)
        {
            var m = scored.Mention;
            var hash = RecentMentionIds.HashOf(m.Id);
            _journal?.Seen(hash);
            if (!_seen.TryAdd(hash))
            {
                continue;
            }

            // Windows advance with event time: a clock running ahead at the source must not age out the present.
            var at = m.Timestamp > now ? now : m.Timestamp;
            var observation = new MentionObservation(at, scored.Sentiment, scored.Label, m.Likes, m.Shares, m.Comments, m.Reach);
            if (_windows.Add(observation))
            {
                // A mention that makes the top posts is encoded once, for both lists; the feed encodes the rest on the
                // tick, if they are still among its newest by then (see LatestMentions.AddPending).
                if (_top.TryAdd(scored, now, out var entry))
                {
                    _latest.Add(entry);
                }
                else
                {
                    _latest.AddPending(scored);
                }

                _terms.Observe(m.Text, at);
                _unpublished++;
            }
        }
    }

    public async Task<LogPosition?> SaveAsync(int partition)
    {
        await SaveCheckpointAsync();
        return _applied.TryGetValue(partition, out var applied) ? applied : null;
    }

    private async Task SaveCheckpointAsync()
    {
        if (_store is not null && _journal is not null && _changedSinceSave)
        {
            var state = ChannelCheckpoint.CaptureJournaled(_windows, _seen, _latest, _applied);
            var (chunk, drop) = _journal.Prepare(state.Seen.SavedAt, state.GenerationStart - state.Seen.Horizon);
            var bytes = serializer.SerializeToArray(state);
            await _store.WriteAsync(_key.ToString(), bytes, chunk.ToBytes(), drop);
            _journal.Saved(chunk, drop);
            _changedSinceSave = false;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A graceful shutdown or idle collection saves what the partitions have not committed yet; a crash does not,
        // and the partitions replay it from their last commit.
        if (ingestLog.IsDurable && _changedSinceSave)
        {
            try
            {
                await SaveCheckpointAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSaveFailed(logger, _key.ToString(), ex.Message);
            }
        }
    }

    private void Restore(ChannelCheckpoint saved, IEnumerable<SeenIdsChunk> chunks)
    {
        _windows = saved.RestoreWindows(WindowLayout.Default);
        _seen = saved.RestoreSeen(options.Value.DedupHorizon, clock, chunks);
        _latest = saved.RestoreLatest(options.Value.LatestMentions);
        foreach (var (partition, position) in saved.Applied)
        {
            _applied[partition] = position;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} could not save its windows on deactivation; the ingest log replays them: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string grain, string reason);

    public Task<WindowStats> GetStatsAsync(TimeSpan window) =>
        Task.FromResult(WindowStats.From(_windows.Sum(clock.GetUtcNow(), window), window));

    public Task<(ChannelSeries Series, DateTimeOffset Start)> GetSeriesAsync(TimeSpan resolution, int points)
    {
        var window = _windows.Resolution(resolution);
        var buckets = new Bucket[Math.Min(points, window.Capacity)];
        var now = clock.GetUtcNow();
        var written = window.CopySeries(now, buckets);
        var series = ChannelSeriesBuilder.Build(_key.Channel, buckets.AsSpan(0, written));
        var start = window.SeriesStart(now, written);
        return Task.FromResult((series, start));
    }

    public Task<MentionView[]> GetLatestAsync(int limit) => Task.FromResult(_latest.Newest(limit));

    /// <summary>
    /// Runs detection, publishes what no record published yet (trailing mentions, or once a second while the last minute
    /// still holds mentions, so rates visibly decay to zero when a channel goes quiet), and reports the latest snapshot
    /// to the brand, whose summary has the same one-second cadence.
    /// </summary>
    private async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _sensitivityChecked >= SensitivityRefresh)
        {
            await ApplyBrandSensitivityAsync();
        }

        await DetectAsync(now);
        Trim(now);
        if (_unpublished > 0 || (_lastPublishedPerMinute > 0 && now - _lastPublished >= TickInterval))
        {
            PublishSnapshot(now);
        }

        _latest.Compact();

        if (_unreported is { } snapshot)
        {
            _unreported = null;
            await _brand.ReportAsync(snapshot);
        }
    }

    /// <summary>Emits on a cadence, never per event: on average at most once per snapshot interval (see <see cref="SnapshotBudget"/>).</summary>
    private void PublishSnapshot(DateTimeOffset now)
    {
        var minute = _windows.Sum(now, LiveSpan);
        var recent = _windows.Sum(now, LiveRateSpan);
        var snapshot = new ChannelSnapshot(
            _key.BrandId, _key.Channel, now,
            recent.Count * (LiveSpan / LiveRateSpan),
            minute.Count,
            new WindowTotals(minute).SentimentMean,
            minute.Positive, minute.Neutral, minute.Negative,
            minute.Likes, minute.Shares, minute.Comments, minute.Reach,
            _latest.Newest(Math.Min(_unpublished, 10)));

        _unpublished = 0;
        _lastPublished = now;
        _lastPublishedPerMinute = minute.Count;
        _unreported = snapshot;
        dashboard.Publish(snapshot);
    }

    /// <summary>Gives back what has aged out (see MultiResolutionWindows.Trim, RecentMentionIds.Expire): 100 000 grains
    /// stay active for a day, most of them quiet most of the time.</summary>
    private void Trim(DateTimeOffset now)
    {
        if (now - _trimmed >= TrimInterval)
        {
            _trimmed = now;
            _windows.Trim(now);
            _seen.Expire();
        }
    }

    /// <summary>
    /// Uses the brand's sensitivity from its alert settings (checked every 30 s). A change restarts detection,
    /// and with it the warm-up: thresholds of another sensitivity do not fit the old incident state.
    /// </summary>
    private async Task ApplyBrandSensitivityAsync()
    {
        var now = clock.GetUtcNow();
        _sensitivityChecked = now;
        var sensitivity = (await BrandAlerts.GetSettingsAsync()).Sensitivity;
        if (_detection is null || sensitivity != _sensitivity)
        {
            _sensitivity = sensitivity;
            _detection = new LiveDetection(alertOptions.Value.WithSensitivity(sensitivity), now);
        }
    }

    // Not kept in a field like the brand's (called every second): asked every 30 s or on an alert, a reference costs each
    // grain ≈ 100 bytes more than resolving it then.
    private IBrandAlertsGrain BrandAlerts => GrainFactory.GetGrain<IBrandAlertsGrain>(_key.BrandId);

    /// <summary>Alerts go out at once (not on the snapshot cadence): they are what crisis teams act on.</summary>
    private async Task DetectAsync(DateTimeOffset now)
    {
        var alerts = t_alerts ??= [];
        alerts.Clear();
        _detection.Advance(now, _windows.Windows[0], alerts);
        if (alerts.Count == 0)
        {
            return;
        }

        foreach (var (kind, result, bucket) in alerts.ToArray())
        {
            var minute = _windows.Sum(now, LiveSpan);
            var (value, expected) = kind switch
            {
                AnomalyKind.NegativeShift => (bucket.Count == 0 ? 0 : (double)bucket.Negative / bucket.Count, result.Expected),
                AnomalyKind.Viral => ((double)(bucket.Shares + bucket.Comments), result.Expected),
                _ => ((double)bucket.Count, result.Expected),
            };
            var why = new AlertWhy(
                [.. _terms.Top(8, now).Select(t => new TermLift(t.Term, Math.Round(t.Recent, 1), Math.Round(t.Lift, 1)))],
                _top.Views(),
                new SentimentSplit(minute.Positive, minute.Neutral, minute.Negative),
                [new ChannelCount(_key.Channel, minute.Count)]);
            var signal = new AlertSignal(_key.BrandId, _key.Channel, KindOf(kind), result.Severity, now, value, expected, why);
            await BrandAlerts.SignalAsync(signal);
        }
    }

    private static AlertKind KindOf(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => AlertKind.Spike,
        AnomalyKind.Drop => AlertKind.Drop,
        AnomalyKind.NegativeShift => AlertKind.NegativeShift,
        AnomalyKind.Viral => AlertKind.Viral,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an alerting kind."),
    };
}
