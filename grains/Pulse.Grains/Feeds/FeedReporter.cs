using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Feeds;

/// <summary>
/// Sends this silo's closed feed buckets to the cluster's <see cref="IFeedMonitorGrain"/> once a bucket (5 s): one call per
/// silo and bucket, whatever the load. It reports even when nothing came, so the monitor stays active while silos run; a
/// report that fails goes again with the next one.
/// </summary>
internal sealed partial class FeedReporter(
    FeedCounter counter,
    IGrainFactory grains,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<FeedReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var monitor = grains.GetGrain<IFeedMonitorGrain>(IFeedMonitorGrain.Key);
        using var timer = new PeriodicTimer(options.Value.Bucket, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var counts = counter.DrainClosed(clock.GetUtcNow());
                try
                {
                    await monitor.ReportAsync(counts).WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Silo starting or stopping, or the monitor moving after a silo died: the next report carries these.
                    counter.Return(counts);
                    LogReportFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed counts not reported, sent with the next report: {Reason}")]
    private partial void LogReportFailed(string reason);
}
