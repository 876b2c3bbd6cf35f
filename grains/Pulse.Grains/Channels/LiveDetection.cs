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

    /// <summary>The detectors' state and the next bucket to observe, for a checkpoint (see <see cref="Restore"/>).</summary>
    /// <param name="sensitivity">The sensitivity these detectors were built for (their options').</param>
    internal DetectionCheckpoint Capture(Sensitivity sensitivity)
    {
        using var stream = new MemoryStream(2048);
        using (var writer = new BinaryWriter(stream))
        {
            _volume.WriteState(writer);
            _negative.WriteState(writer);
            _engagement.WriteState(writer);
        }

        return new DetectionCheckpoint(sensitivity, _bucket, _nextBucketStart, stream.ToArray());
    }

    /// <summary>
    /// Detection that continues where <paramref name="saved"/> left off: the same baselines, records and open incidents,
    /// from the saved next bucket on (the buckets since are observed by the next <see cref="Advance"/>). The caller checks
    /// the sensitivity; <paramref name="options"/> must be that sensitivity's.
    /// </summary>
    /// <exception cref="InvalidDataException">The state does not fit these options (another bucket size, other array sizes,
    /// another format, bytes left over).</exception>
    /// <exception cref="EndOfStreamException">The state is cut short.</exception>
    internal static LiveDetection Restore(AlertOptions options, DetectionCheckpoint saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var live = new LiveDetection(options, saved.NextBucketStart);
        if (saved.Bucket != live._bucket)
        {
            throw new InvalidDataException($"The detection was saved for {saved.Bucket} buckets, not {live._bucket}.");
        }

        using var reader = new BinaryReader(new MemoryStream(saved.State, writable: false));
        live._volume.ReadState(reader);
        live._negative.ReadState(reader);
        live._engagement.ReadState(reader);
        if (reader.BaseStream.Position != saved.State.Length)
        {
            throw new InvalidDataException($"The saved detection has {saved.State.Length - reader.BaseStream.Position} bytes more than these detectors read.");
        }

        live._nextBucketStart = saved.NextBucketStart;
        return live;
    }

    /// <summary>Observes every detection bucket that has closed by <paramref name="now"/>; reports each alert.</summary>
    /// <remarks>
    /// Buckets whose seconds have already left the ring are skipped, not observed as zeros: that happens only after a
    /// gap (a detection restored from a checkpoint older than the ring, see docs/ingest-log.md), and nothing says those
    /// seconds were quiet; a run of invented zeros would look like a drop and drag the baseline down.
    /// </remarks>
    public void Advance(DateTimeOffset now, RollingWindow seconds, List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)> alerts)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var oldest = seconds.SeriesStart(now, seconds.Capacity);
        if (_nextBucketStart < oldest)
        {
            // Whole buckets, so the bucket grid stays where it was.
            var behind = (oldest - _nextBucketStart).Ticks;
            _nextBucketStart += TimeSpan.FromTicks((behind + _bucket.Ticks - 1) / _bucket.Ticks * _bucket.Ticks);
        }

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
            && (result.Kind != AnomalyKind.Viral || Saturating.Add(bucket.Shares, bucket.Comments) >= _viralMinimumEngagement))
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
