using Pulse.Grains.Mentions;

namespace Pulse.Sources.Connecting;

/// <summary>Where a running connector delivers: ingest, the source's cursor and its live status.</summary>
public interface ISourceSink
{
    /// <summary>
    /// Hands mentions to ingest and, once ingest has taken them, records <paramref name="cursor"/> as the point to resume
    /// after them (null: unchanged). Connectors call this in event order and wait for it: that is their backpressure.
    /// An empty list with a cursor only moves the cursor (events that were not posts). Returns what ingest took, with
    /// the mentions that matched a brand (a source that sees engagement later, as Jetstream does, remembers those).
    /// </summary>
    ValueTask<IngestOutcome> AcceptAsync(IReadOnlyList<Mention> mentions, string? cursor, CancellationToken cancellationToken);

    /// <summary>Counts raw events received (posts, deletes, likes, …), with the newest event's own time when it has one.</summary>
    void Received(int events, DateTimeOffset? newestEventAt);

    /// <summary>Counts events skipped as malformed or oversized; <paramref name="reason"/> is short, for the status and logs.</summary>
    void Skipped(int events, string reason);

    /// <summary>Reports a state change; <paramref name="problem"/> says what went wrong for BackingOff and Failed.</summary>
    void StateChanged(SourceState state, string? problem = null);
}
