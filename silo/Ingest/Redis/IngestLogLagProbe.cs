using Microsoft.Extensions.Logging;
using Pulse.Grains.Telemetry;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Ingest.Redis;

/// <summary>
/// Cluster mode: reads how far each partition's commit trails its ingest log every <c>interval</c> and keeps the answer
/// for the gauges (<see cref="PulseMetrics.ObserveIngestLog"/>), so a scrape costs Redis nothing and Redis sees two round
/// trips per partition per interval whoever scrapes. Every silo reports the same cluster-wide figures.
/// </summary>
internal sealed partial class IngestLogLagProbe : BackgroundService
{
    private readonly RedisStreamLog _log;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<IngestLogLagProbe> _logger;
    private IReadOnlyList<IngestLogLag> _latest = [];
    private bool _failing;

    public IngestLogLagProbe(RedisStreamLog log, PulseMetrics metrics, TimeProvider clock, TimeSpan interval, ILogger<IngestLogLagProbe> logger)
    {
        _log = log;
        _clock = clock;
        _interval = interval;
        _logger = logger;
        metrics.ObserveIngestLog(() => Volatile.Read(ref _latest));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _clock);
        do
        {
            await ReadAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            var backlogs = await Task.WhenAll(Enumerable.Range(0, _log.Queues).Select(q => _log.ReadBacklogAsync(q, stoppingToken))).ConfigureAwait(false);
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            Volatile.Write(ref _latest, [.. backlogs.Select((b, q) => new IngestLogLag(q, Age(b, now), b.Length))]);
            _failing = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Redis away: the gauges keep their last reading rather than claim no lag; Redis' own health check reports it.
            if (!_failing)
            {
                _failing = true;
                LogReadFailed(ex.Message);
            }
        }
    }

    /// <summary>Now minus the oldest uncommitted entry's id time (Redis' clock; a few ms of skew do not matter at this scale).</summary>
    private static TimeSpan Age(RedisQueueBacklog backlog, long nowMs) =>
        backlog.OldestPending is { } oldest ? TimeSpan.FromMilliseconds(Math.Max(0, nowMs - oldest.Milliseconds)) : TimeSpan.Zero;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ingest log's lag could not be read; the metrics keep their last reading until it can: {Reason}")]
    private partial void LogReadFailed(string reason);
}
