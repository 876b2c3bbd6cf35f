namespace Pulse.Analytics.Feeds;

/// <summary>
/// Watches one channel's ingested mention counts (all mentions, before brand matching), one bucket at a time, and
/// decides when a run of exact zeros means the feed has stopped rather than gone quiet. A silence is a stopped feed when
/// all of these hold:
/// <list type="number">
/// <item><b>Improbable:</b> under Poisson at the feed's rate before the silence (λ a bucket, the mean over the trailing
/// history), k empty buckets have probability e^(−λk); λk must reach <see cref="FeedMonitorSettings.EvidenceThreshold"/>,
/// so chance declares a stopped feed at most once per false-alarm interval.</item>
/// <item><b>Novel:</b> longer than any silence in that history. Poisson is wrong for a feed that arrives in batches (an
/// RSS poll every five minutes): its usual silences are then familiar, and only a longer one is news. This is the
/// detectors' "significant and novel" rule, applied to zeros.</item>
/// <item><b>Judged on enough history:</b> the feed was watched for the warm-up before it fell silent, and for at least
/// as long as the silence lasts (a history cannot show that a silence is unusual if it is shorter than the silence).</item>
/// </list>
/// A stopped feed resumes with its first mention. Its silence is not added to the history, so one outage does not make
/// the next one look familiar. O(history) per empty bucket, no allocation after construction; not thread-safe.
/// </summary>
public sealed class FeedMonitor
{
    private readonly FeedMonitorSettings _settings;
    private readonly long[] _history;
    private int _next;
    private int _filled;
    private long _sum;
    private int _run;
    private bool _stopped;
    private double _expected;

    public FeedMonitor(FeedMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WarmUpBuckets < 1 || settings.HistoryBuckets < settings.WarmUpBuckets || !(settings.EvidenceThreshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings, "Warm-up ≥ 1, history ≥ warm-up and a positive evidence threshold are required.");
        }

        _settings = settings;
        _history = new long[settings.HistoryBuckets];
    }

    /// <summary>True from the bucket that made the silence a stopped feed until the next mention.</summary>
    public bool Stopped => _stopped;

    /// <summary>Empty buckets in a row up to the latest (0 once a mention came).</summary>
    public int SilentBuckets => _run;

    /// <summary>Mentions a bucket the feed delivered before its silence (the rate it is judged by; 0 with no history).</summary>
    public double ExpectedPerBucket => _stopped ? _expected : Rate();

    /// <summary>Observes the next bucket's count of ingested mentions; buckets in time order, one per bucket (0 for none).</summary>
    public FeedChange Observe(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            _run++;
            if (!_stopped && IsStopped())
            {
                _stopped = true;
                _expected = Rate();
                return FeedChange.Stopped;
            }

            return FeedChange.None;
        }

        var resumed = _stopped;
        if (!resumed)
        {
            // An ordinary silence is part of how this feed behaves.
            for (var i = 0; i < _run; i++)
            {
                Remember(0);
            }
        }

        _stopped = false;
        _run = 0;
        Remember(count);
        return resumed ? FeedChange.Resumed : FeedChange.None;
    }

    private bool IsStopped() =>
        _filled >= _settings.WarmUpBuckets
        && _filled >= _run
        && Rate() * _run >= _settings.EvidenceThreshold
        && _run > LongestSilence();

    private double Rate() => _filled == 0 ? 0 : (double)_sum / _filled;

    private void Remember(long count)
    {
        if (_filled == _history.Length)
        {
            _sum -= _history[_next];
        }
        else
        {
            _filled++;
        }

        _history[_next] = count;
        _sum += count;
        _next = (_next + 1) % _history.Length;
    }

    private int LongestSilence()
    {
        var longest = 0;
        var run = 0;
        var start = (_next - _filled + _history.Length) % _history.Length;
        for (var i = 0; i < _filled; i++)
        {
            run = _history[(start + i) % _history.Length] == 0 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
