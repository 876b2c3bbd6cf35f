using Pulse.Analytics.Detection;
using Pulse.Analytics.Windows;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Channels;

/// <summary>
/// Live detection on one (brand, channel) and what its alerts say: <see cref="LiveDetection"/> over the state's seconds,
/// each detection an <see cref="AlertSignal"/> explained by what is being said (rising terms, as people wrote them), the
/// loudest posts, the last minute's mood and count.
/// </summary>
internal sealed class ChannelDetection(AlertOptions options)
{
    private static readonly TimeSpan MinuteSpan = TimeSpan.FromMinutes(1);

    // Detections of one pass; one list per thread, not per grain (read before the caller awaits).
    [ThreadStatic]
    private static List<(AnomalyKind Kind, DetectorResult Result, Bucket Bucket)>? t_detections;

    private LiveDetection? _live;
    private Sensitivity? _sensitivity;

    /// <summary>
    /// Detects with the brand's <paramref name="sensitivity"/> (null: the silo's). A change restarts detection, and with it
    /// the warm-up: thresholds of another sensitivity do not fit the old incident state.
    /// </summary>
    public void UseSensitivity(Sensitivity? sensitivity, DateTimeOffset now)
    {
        if (_live is null || sensitivity != _sensitivity)
        {
            _sensitivity = sensitivity;
            _live = new LiveDetection(options.WithSensitivity(sensitivity), now);
        }
    }

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
                AnomalyKind.Viral => bucket.Shares + bucket.Comments,
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

    private static AlertKind KindOf(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => AlertKind.Spike,
        AnomalyKind.Drop => AlertKind.Drop,
        AnomalyKind.NegativeShift => AlertKind.NegativeShift,
        AnomalyKind.Viral => AlertKind.Viral,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an alerting kind."),
    };
}
