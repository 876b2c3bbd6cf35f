namespace Pulse.Sources.Running;

/// <summary>
/// Learns a source's rhythm (the mean gap between deliveries that carried events, as an EWMA) and calls it silent when
/// the current gap exceeds ten of those. For arrivals at a steady rate (Poisson) a gap of ten means happens with
/// probability e⁻¹⁰ ≈ 1 in 22 000, so a silent source almost surely stopped, it is not just quiet. The floor keeps a
/// chatty stream from being called silent after a few seconds, and a feed from being judged before two polls.
/// Thread-safe (one lock per source).
/// </summary>
internal sealed class SilenceWatch(TimeSpan floor)
{
    private const double GapsBeforeSilent = 10;
    private const double Smoothing = 0.1; // the last ~10 gaps

    private readonly object _gate = new();
    private DateTimeOffset? _last;
    private double _meanGapSeconds = double.NaN;

    public void Delivered(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_last is { } last && at > last)
            {
                var gap = (at - last).TotalSeconds;
                _meanGapSeconds = double.IsNaN(_meanGapSeconds) ? gap : _meanGapSeconds + (Smoothing * (gap - _meanGapSeconds));
            }

            _last = at;
        }
    }

    /// <summary>True when the source delivered before and has now been quiet for ten usual gaps (at least the floor).</summary>
    public bool IsSilent(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_last is not { } last)
            {
                return false; // never delivered: not silent, just new (its state says whether it is connected)
            }

            var limit = double.IsNaN(_meanGapSeconds) ? floor : TimeSpan.FromSeconds(Math.Max(floor.TotalSeconds, GapsBeforeSilent * _meanGapSeconds));
            return now - last > limit;
        }
    }
}
