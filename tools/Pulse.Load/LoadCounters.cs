namespace Pulse.Load;

/// <summary>What the workers did so far: mentions sent, accepted and rejected, failures by kind, request latencies.</summary>
internal sealed class LoadCounters
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ErrorTally> _errors = new(StringComparer.Ordinal);
    private readonly List<double> _requestMillis = [];
    private long _sent, _accepted, _rejected, _requests;

    public long Sent => Interlocked.Read(ref _sent);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Requests => Interlocked.Read(ref _requests);

    public void Record(int mentions, SendOutcome outcome, double requestMillis)
    {
        Interlocked.Add(ref _sent, mentions);
        Interlocked.Add(ref _accepted, outcome.Accepted);
        Interlocked.Add(ref _rejected, outcome.Rejected);
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            _requestMillis.Add(requestMillis);
            if (outcome.Error is { } kind)
            {
                var tally = _errors.GetValueOrDefault(kind);
                _errors[kind] = new ErrorTally(tally.Requests + 1, tally.Mentions + outcome.Rejected);
            }
        }
    }

    /// <summary>
    /// Starts counting afresh (end of the warm-up) and returns the mentions accepted until now; a request still in flight is
    /// counted when it ends.
    /// </summary>
    public long Reset()
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _sent, 0);
            Interlocked.Exchange(ref _rejected, 0);
            Interlocked.Exchange(ref _requests, 0);
            _requestMillis.Clear();
            _errors.Clear();
            return Interlocked.Exchange(ref _accepted, 0);
        }
    }

    public long ErrorRequests()
    {
        lock (_gate)
        {
            return _errors.Values.Sum(e => e.Requests);
        }
    }

    public SortedDictionary<string, ErrorTally> Errors()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, ErrorTally>(_errors, StringComparer.Ordinal);
        }
    }

    public LatencySummary RequestLatency()
    {
        double[] samples;
        lock (_gate)
        {
            samples = [.. _requestMillis];
        }

        return Percentiles.Summarize(samples);
    }
}
