using System.Collections.Concurrent;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Channels;

/// <summary>
/// Runs the detectors over a (brand, channel)'s live buckets: each time a detection bucket has closed
/// (plus a little grace for late mentions), its volume, negative share and engagement are observed once.
/// The detectors apply the minimum severity themselves (<see cref="DetectorSettings.MinimumSeverity"/>); a viral surge
/// below the minimum engagement is not reported.
/// </summary>
public sealed class LiveDetection
{
    /// <summary>Mentions a second or two late still land in the bucket before it is judged.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>One settings instance per distinct value (a record: compared field by field), shared by every grain's
    /// detectors, which only read it: 100 000 grains need one per sensitivity, not 100 000 copies of ≈ 200 bytes.</summary>
    private static readonly ConcurrentDictionary<DetectorSettings, DetectorSettings> SharedSettings = new();

    private readonly TimeSpan _bucket;
    private readonly VolumeAnomalyDetector _volume;
    private readonly ShareShiftDetector _negative;
    private readonly EngagementSurgeDetector _engagement;
    private readonly long _viralMinimumEngagement;
    private DateTimeOffset _nextBucketStart;

    public LiveDetection(AlertOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fresh = options.LiveSettings();
        var settings = SharedSettings.GetOrAdd(fresh, fresh);
        _viralMinimumEngagement = options.ViralMinimumEngagement;
        _bucket = settings.BucketSize;
        _volume = new VolumeAnomalyDetector(settings);
        _negative = new ShareShiftDetector(settings);
        _engagement = new EngagementSurgeDetector(settings);
        // The first whole bucket after activation: a partial first bucket would seed the baseline too low.
        _nextBucketStart = Floor(now) + _bucket;
    }

    /// <summary>Observes every detection bucket that has closed by <paramref name="now"/>; reports each alert.</summary>
    public void Advance(DateTimeOffset now, RollingWindow seconds, List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)> alerts)
    {
        while (_nextBucketStart + _bucket + Grace <= now)
        {
            var start = _nextBucketStart;
            _nextBucketStart += _bucket;
            var bucket = SumOf(seconds, start, now);
            Report(alerts, _volume.Observe(start, bucket.Count), bucket);
            Report(alerts, _negative.Observe(start, bucket.Negative, bucket.Count), bucket);
            Report(alerts, _engagement.Observe(start, bucket.Shares, bucket.Comments), bucket);
        }
    }

    private void Report(List<(AnomalyKind, DetectorResult, Bucket)> alerts, DetectorResult result, Bucket bucket)
    {
        if (result.Alert
            && (result.Kind != AnomalyKind.Viral || bucket.Shares + bucket.Comments >= _viralMinimumEngagement))
        {
            alerts.Add((result.Kind, result, bucket));
        }
    }

    /// <summary>The 1-second buckets of [start, start + bucket) summed (zero where they have left the ring).</summary>
    private Bucket SumOf(RollingWindow seconds, DateTimeOffset start, DateTimeOffset now)
    {
        var length = (int)Math.Min(seconds.Capacity, Math.Ceiling((now - start) / seconds.Resolution) + 1);
        Span<Bucket> series = length <= 256 ? stackalloc Bucket[length] : new Bucket[length];
        var written = seconds.CopySeries(now, series);
        var first = seconds.SeriesStart(now, written);
        var total = default(Bucket);
        for (var i = 0; i < written; i++)
        {
            var at = first + (i * seconds.Resolution);
            if (at >= start && at < start + _bucket)
            {
                total.Add(series[i]);
            }
        }

        return total;
    }

    private DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % _bucket.Ticks), TimeSpan.Zero);
}
