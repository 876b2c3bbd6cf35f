using Microsoft.Extensions.Logging;
using Pulse.Analytics.Detection;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Channels;

/// <summary>
/// Live detection on one (brand, channel) and what its alerts say: <see cref="LiveDetection"/> over the state's seconds,
/// each detection an <see cref="AlertSignal"/> explained by what is being said (rising terms, as people wrote them), the
/// loudest posts, the last minute's mood and count. In cluster mode it is saved with the channel's checkpoint
/// (<see cref="Capture"/>) and continues from it after a failover (<see cref="ResumeFrom"/>).
/// </summary>
internal sealed partial class ChannelDetection(AlertOptions options, ILogger logger)
{
    private static readonly TimeSpan MinuteSpan = TimeSpan.FromMinutes(1);

    // Detections of one pass; one list per thread, not per grain (read before the caller awaits).
    [ThreadStatic]
    private static List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)>? t_detections;

    private LiveDetection? _live;
    private Sensitivity? _sensitivity;

    // A restored checkpoint whose detection the first UseSensitivity continues, once the brand's sensitivity is known.
    private Pending? _resume;

    /// <summary>
    /// Detection continues from <paramref name="saved"/> (the grain's restored checkpoint; null: it never saved) at the
    /// first <see cref="UseSensitivity"/>, if the saved detection was built for that sensitivity and reads back;
    /// otherwise it starts fresh with its warm-up, and the log says why.
    /// </summary>
    public void ResumeFrom(ChannelKey key, ChannelCheckpoint? saved) =>
        _resume = saved is null ? null : new Pending(key.ToString(), saved);

    /// <summary>
    /// Detects with the brand's <paramref name="sensitivity"/> (null: the silo's). A change restarts detection, and with it
    /// the warm-up: thresholds of another sensitivity do not fit the old incident state.
    /// </summary>
    public void UseSensitivity(Sensitivity? sensitivity, DateTimeOffset now)
    {
        if (_live is null || sensitivity != _sensitivity)
        {
            var settings = options.WithSensitivity(sensitivity);
            _sensitivity = sensitivity;
            _live = (_resume is { } pending ? Resumed(pending, settings) : null) ?? new LiveDetection(settings, now);
            _resume = null;
        }
    }

    /// <summary>True once the first <see cref="UseSensitivity"/> set detection up (the grain asks its brand without waiting).</summary>
    public bool Started => _live is not null;

    /// <summary>
    /// The detection to save with the channel's checkpoint: the live one, or before the first <see cref="UseSensitivity"/>
    /// the restored one still waiting to continue (a save then must not lose it); null when there is neither.
    /// </summary>
    public DetectionCheckpoint? Capture() => _live?.Capture(_sensitivity ?? options.Sensitivity) ?? _resume?.Saved.Detection;

    /// <summary>Observes the detection buckets closed by <paramref name="now"/>: a signal per alert (usually none, and then no allocation).</summary>
    public AlertSignal[] Detect(ChannelState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var live = _live ?? throw new InvalidOperationException("Detection starts with UseSensitivity.");
        var detections = t_detections ??= [];
        detections.Clear();
        live.Advance(now, state.Windows.Windows[0], detections);
        if (detections.Count == 0)
        {
            return [];
        }

        var why = Explain(state, now);
        var signals = new AlertSignal[detections.Count];
        for (var i = 0; i < signals.Length; i++)
        {
            var (kind, result, bucket) = detections[i];
            var value = kind switch
            {
                AnomalyKind.NegativeShift => bucket.Count == 0 ? 0 : (double)bucket.Negative / bucket.Count,
                AnomalyKind.Viral => Saturating.Add(bucket.Shares, bucket.Comments),
                _ => bucket.Count,
            };
            signals[i] = new AlertSignal(state.Key.BrandId, state.Key.Channel, KindOf(kind), result.Severity, now, value, result.Expected, why);
        }

        return signals;
    }

    /// <summary>Why the channel alerts at <paramref name="now"/>: its rising terms, top posts, and the last minute's sentiment and count.</summary>
    public static AlertWhy Explain(ChannelState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var minute = state.Windows.Sum(now, MinuteSpan);
        return new AlertWhy(
            [.. state.Terms.Top(8, now).Select(t => new TermLift(t.Term, Math.Round(t.Recent, 1), Math.Round(t.Lift, 1)))],
            state.Top.Views(),
            new SentimentSplit(minute.Positive, minute.Neutral, minute.Negative),
            [new ChannelCount(state.Key.Channel, minute.Count)]);
    }

    private LiveDetection? Resumed(Pending pending, AlertOptions settings)
    {
        var grain = pending.Grain;
        if (pending.Saved.Detection is not { } detection)
        {
            LogNoSavedDetection(logger, grain);
            return null;
        }

        if (detection.Sensitivity != settings.Sensitivity)
        {
            LogOtherSensitivity(logger, grain, detection.Sensitivity, settings.Sensitivity);
            return null;
        }

        try
        {
            var live = LiveDetection.Restore(settings, detection);
            LogResumed(logger, grain, detection.NextBucketStart);
            return live;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            LogUnreadable(logger, grain, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Grain} continues its detection from the checkpoint (next bucket {NextBucket:O})")]
    private static partial void LogResumed(ILogger logger, string grain, DateTimeOffset nextBucket);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Grain}'s checkpoint holds no detection (written by an older version): detection warms up again")]
    private static partial void LogNoSavedDetection(ILogger logger, string grain);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Grain}'s saved detection was built for sensitivity {Saved}, the brand now uses {Current}: detection warms up again")]
    private static partial void LogOtherSensitivity(ILogger logger, string grain, Sensitivity saved, Sensitivity current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}'s saved detection does not read back ({Reason}): detection warms up again")]
    private static partial void LogUnreadable(ILogger logger, string grain, string reason);

    private sealed record Pending(string Grain, ChannelCheckpoint Saved);

    private static AlertKind KindOf(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => AlertKind.Spike,
        AnomalyKind.Drop => AlertKind.Drop,
        AnomalyKind.NegativeShift => AlertKind.NegativeShift,
        AnomalyKind.Viral => AlertKind.Viral,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an alerting kind."),
    };
}
