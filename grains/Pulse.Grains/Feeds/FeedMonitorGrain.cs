using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Feeds;
using Pulse.Grains.Alerts;
using Pulse.Grains.Notifications;

namespace Pulse.Grains.Feeds;

/// <summary>
/// One activation for the cluster: sums the silos' reports per channel and bucket (<see cref="FeedBuckets"/>), runs a
/// <see cref="FeedMonitor"/> per channel on each closed bucket, and keeps the data gaps (<see cref="DataGapBook"/>), which go
/// to the dashboards and the log. Kept in memory only: after its silo dies it warms up again, like the live detectors.
/// </summary>
[KeepAlive]
internal sealed partial class FeedMonitorGrain(
    IOptions<AlertOptions> options,
    DashboardOutbox dashboard,
    TimeProvider clock,
    ILogger<FeedMonitorGrain> logger) : Grain, IFeedMonitorGrain
{
    private readonly FeedBuckets _buckets = new(options.Value.Bucket);
    private readonly FeedMonitorSettings _settings = FeedMonitorSettings.For(
        options.Value.Bucket, options.Value.WarmUp, DetectorSettings.FalseAlarmInterval(options.Value.Sensitivity));
    private readonly Dictionary<string, FeedMonitor> _channels = new(StringComparer.Ordinal);
    private readonly DataGapBook _gaps = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var bucket = options.Value.Bucket;
        this.RegisterGrainTimer(Judge, new GrainTimerCreationOptions(bucket, bucket) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task ReportAsync(FeedCount[] counts)
    {
        _buckets.Add(counts);
        return Task.CompletedTask;
    }

    public Task<bool> IsSilentAsync(string channel) => Task.FromResult(_gaps.IsSilent(channel));

    public Task<DataGap[]> ListAsync() => Task.FromResult(_gaps.List());

    /// <summary>Every channel seen so far observes each closed bucket (zero when no silo counted any).</summary>
    private Task Judge()
    {
        var now = clock.GetUtcNow();
        var minute = TimeSpan.FromMinutes(1) / _buckets.Bucket;
        foreach (var (start, counts) in _buckets.Close(now))
        {
            foreach (var (channel, count) in counts)
            {
                if (count > 0 && !_channels.ContainsKey(channel))
                {
                    _channels[channel] = new FeedMonitor(_settings); // watched from its first mention on
                }
            }

            foreach (var (channel, monitor) in _channels)
            {
                var change = monitor.Observe(counts.GetValueOrDefault(channel));
                if (change == FeedChange.Stopped)
                {
                    var since = start - ((monitor.SilentBuckets - 1) * _buckets.Bucket);
                    var gap = _gaps.Stopped(channel, since, monitor.ExpectedPerBucket * minute, now);
                    LogStopped(gap.Id, channel, since, monitor.ExpectedPerBucket * minute);
                    dashboard.Publish(gap);
                }
                else if (change == FeedChange.Resumed && _gaps.Resumed(channel, start, now) is { } gap)
                {
                    LogResumed(gap.Id, channel, start);
                    if (gap.EndedAt is not null)
                    {
                        LogEnded(gap.Id, gap.EndedAt.Value - gap.StartedAt);
                    }

                    dashboard.Publish(gap);
                }
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data gap {Gap}: no mentions at all from {Channel} since {Since:O}, where about {PerMinute:0} a minute were expected (an ingestion outage); brands' drop alerts on it are held back")]
    private partial void LogStopped(string gap, string channel, DateTimeOffset since, double perMinute);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data gap {Gap}: {Channel} delivers again since {At:O}")]
    private partial void LogResumed(string gap, string channel, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data gap {Gap} over after {Duration}")]
    private partial void LogEnded(string gap, TimeSpan duration);
}
