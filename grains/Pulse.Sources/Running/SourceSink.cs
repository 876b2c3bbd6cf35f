using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>
/// Where a running source delivers: the cluster's one ingest seam (<see cref="IMentionIngestor"/>), the cursor the
/// source grain saves, and the counters of its status. Called from the connector's own task, read by grain turns:
/// thread-safe. Counts go to <see cref="PulseMetrics"/> too, tagged with the source's kind (never its id: sources are
/// the operator's to name).
/// </summary>
internal sealed class SourceSink(IMentionIngestor ingestor, TimeProvider clock, string? cursor, TimeSpan silenceFloor, PulseMetrics metrics, SourceKind kind) : ISourceSink
{
    private readonly string _kind = SourceWireNames.Of(kind);
    private readonly object _gate = new();
    private readonly SilenceWatch _silence = new(silenceFloor);
    private string? _cursor = cursor;
    private long _received;
    private long _accepted;
    private long _skipped;
    private DateTimeOffset? _lastEventAt;
    private DateTimeOffset? _lastPollAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private SourceState _state = SourceState.Connecting;

    public string? Cursor
    {
        get
        {
            lock (_gate)
            {
                return _cursor;
            }
        }
    }

    public async ValueTask<IngestOutcome> AcceptAsync(IReadOnlyList<Mention> mentions, string? cursor, CancellationToken cancellationToken)
    {
        // The cursor moves only once ingest holds the mentions (durably, in cluster mode): a crash before that re-reads them.
        var outcome = mentions.Count > 0 ? await ingestor.IngestAsync(mentions, cancellationToken).ConfigureAwait(false) : IngestOutcome.None;
        if (mentions.Count > 0)
        {
            metrics.Ingested(_kind, mentions.Count, outcome.Mentions, outcome.Matched);
        }

        lock (_gate)
        {
            _accepted += outcome.Matched;
            _cursor = cursor ?? _cursor;
        }

        return outcome;
    }

    public void Received(int events, DateTimeOffset? newestEventAt)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _received += events;
            _lastPollAt = now;
            if (newestEventAt is { } newest && (_lastEventAt is null || newest > _lastEventAt))
            {
                _lastEventAt = newest;
            }
        }

        if (events > 0)
        {
            _silence.Delivered(now);
            metrics.SourceEvents(_kind, "received", events);
        }

        if (newestEventAt is { } eventAt)
        {
            metrics.SourceLag(_kind, now - eventAt);
        }
    }

    public void Skipped(int events, string reason)
    {
        lock (_gate)
        {
            _skipped += events;
        }

        metrics.SourceEvents(_kind, "skipped", events);
    }

    public void StateChanged(SourceState state, string? problem = null)
    {
        lock (_gate)
        {
            _state = state;
            if (problem is not null)
            {
                _lastError = problem;
                _lastErrorAt = clock.GetUtcNow();
            }
        }
    }

    public SourceStatus Status()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var lag = _lastEventAt is { } at ? now - at : (TimeSpan?)null;
            return new SourceStatus(_state, _received, _accepted, _skipped, _lastEventAt, lag, _cursor, _lastError, _lastErrorAt,
                _state == SourceState.Live && _silence.IsSilent(now), _lastPollAt);
        }
    }
}
