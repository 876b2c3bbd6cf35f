using Pulse.Sources.Connecting;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// One running source's place in the stream: the newest applied time and sequence, what to ask the server for on each
/// (re)connect, and which replayed events were already delivered. Not thread-safe: owned by one <c>RunAsync</c>.
/// </summary>
/// <remarks>
/// Three layers keep a replay from being delivered or counted twice:
/// <list type="number">
/// <item>A v2 sequence from the same host is exact: events at or below the applied sequence are the overlap.</item>
/// <item>Within this process, the keys of recently accepted events (<see cref="RecentIds"/>) catch the time margin's
/// overlap without dropping anything that arrived late and out of time order.</item>
/// <item>A fresh start from a saved time cursor of the same host has no keys yet: events at or before the saved time
/// are taken as already applied. That is the one lossy approximation — an event the server witnessed a few ms out of
/// order and that was still unapplied when the previous run stopped — accepted because the alternative is re-delivering
/// the whole margin. After a host change there is no floor: times differ slightly between instances, so the overlap is
/// delivered again and downstream de-duplication by mention id absorbs it.</item>
/// </list>
/// </remarks>
internal sealed class ResumePosition
{
    private readonly RecentIds _recent;
    private readonly string _host;
    private readonly TimeSpan _margin;
    private readonly long? _floorUs;
    private long? _timeUs;
    private long? _seq;

    public ResumePosition(string host, JetstreamCursor? saved, TimeSpan margin, int recentCapacity)
    {
        _host = host;
        _margin = margin;
        _recent = new RecentIds(recentCapacity);
        _timeUs = saved?.TimeUs;
        var sameHost = saved?.Host is { } savedHost && string.Equals(savedHost, host, StringComparison.OrdinalIgnoreCase);

        // A sequence is only meaningful to the instance that assigned it. A bare sequence (no host, no time) is the
        // operator's explicit choice and is passed through; one from another host is dropped and the time decides.
        _seq = sameHost || (saved?.Host is null && saved?.TimeUs is null) ? saved?.Seq : null;
        _floorUs = sameHost ? saved?.TimeUs : null;
    }

    /// <summary>The cursor to save after the events applied so far; null until there is a position.</summary>
    public JetstreamCursor? Current => _timeUs is null && _seq is null ? null : new JetstreamCursor(_timeUs, _seq, _host);

    /// <summary>The <c>?cursor=</c> value for the next connection, or null for the live tip.</summary>
    public long? RequestCursor()
    {
        if (_seq is { } seq)
        {
            return seq; // inclusive: the last applied event comes back once and is dropped as a duplicate
        }

        if (_timeUs is { } us)
        {
            return Math.Max(0, us - (long)_margin.TotalMicroseconds);
        }

        return null;
    }

    /// <summary>True when the event was already delivered (by this run, or before a restart on the same host).</summary>
    public bool IsDuplicate(in JetstreamEvent e)
    {
        if (e.Seq is { } seq && _seq is { } applied && seq <= applied)
        {
            return true;
        }

        if (_floorUs is { } floor && e.TimeUs <= floor)
        {
            return true;
        }

        return _recent.Contains(e.Key);
    }

    /// <summary>The cursor to save once <paramref name="batch"/> is applied, without applying it (the sink may refuse).</summary>
    public JetstreamCursor After(List<JetstreamEvent> batch)
    {
        var timeUs = _timeUs;
        foreach (var e in batch)
        {
            timeUs = timeUs is { } t ? Math.Max(t, e.TimeUs) : e.TimeUs;
        }

        return new JetstreamCursor(timeUs, batch.Count > 0 ? batch[^1].Seq : _seq, _host);
    }

    /// <summary>Records an event the sink has taken, in stream order.</summary>
    public void Applied(in JetstreamEvent e)
    {
        _recent.Add(e.Key);

        // The newest time, not the last: live events arrive a few ms out of time order (the recorded capture shows it).
        _timeUs = _timeUs is { } t ? Math.Max(t, e.TimeUs) : e.TimeUs;

        // A server that stops sending sequences (v2 replaced by v1 behind the same name) must not be asked for one.
        _seq = e.Seq;
    }
}
