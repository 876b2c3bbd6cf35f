namespace Pulse.Load;

/// <summary>
/// Ingest-to-browser latency: from the start of the request carrying a probe to the first hub snapshot listing it.
/// A probe not seen within <c>lostAfter</c> is lost.
/// </summary>
internal sealed class ProbeTracker(TimeProvider time, TimeSpan lostAfter)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];
    private int _late;
    private long _sent;

    public int InFlight => _inFlight.Count;

    public int Seen
    {
        get
        {
            lock (_gate)
            {
                return _millis.Count;
            }
        }
    }

    /// <summary>Probes whose request was accepted (or is still on its way).</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    public void Sent(string id, long timestamp)
    {
        _inFlight[id] = timestamp;
        Interlocked.Increment(ref _sent);
    }

    /// <summary>The request carrying the probe failed: it cannot be seen, and is not a latency sample.</summary>
    public void Unsent(string id)
    {
        if (_inFlight.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _sent);
        }
    }

    /// <summary>A snapshot listed <paramref name="id"/>; only the first sighting of a probe counts.</summary>
    public void Observe(string id, long timestamp)
    {
        if (!_inFlight.TryRemove(id, out var sent))
        {
            return;
        }

        var elapsed = time.GetElapsedTime(sent, timestamp);
        lock (_gate)
        {
            if (elapsed > lostAfter)
            {
                _late++;
            }
            else
            {
                _millis.Add(elapsed.TotalMilliseconds);
            }
        }
    }

    /// <summary>Forgets every probe so far, in flight or seen (end of the warm-up).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _inFlight.Clear();
            _millis.Clear();
            _late = 0;
            Interlocked.Exchange(ref _sent, 0);
        }
    }

    /// <summary>Probes that waited longer than the limit, seen late or not at all.</summary>
    public int Lost()
    {
        var now = time.GetTimestamp();
        var overdue = _inFlight.Values.Count(sent => time.GetElapsedTime(sent, now) > lostAfter);
        lock (_gate)
        {
            return _late + overdue;
        }
    }

    public LatencySummary Summary()
    {
        double[] samples;
        lock (_gate)
        {
            samples = [.. _millis];
        }

        return Percentiles.Summarize(samples);
    }
}
