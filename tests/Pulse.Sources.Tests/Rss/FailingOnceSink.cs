using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Tests.Rss;

/// <summary>A sink whose first hand-over with mentions fails, as ingest does when it is down; the rest goes to the inner sink.</summary>
internal sealed class FailingOnceSink(RecordingSink inner) : ISourceSink
{
    private int _failed;

    public ValueTask<IngestOutcome> AcceptAsync(IReadOnlyList<Mention> mentions, string? cursor, CancellationToken cancellationToken) =>
        mentions.Count > 0 && Interlocked.Exchange(ref _failed, 1) == 0
            ? throw new InvalidOperationException("ingest is down")
            : inner.AcceptAsync(mentions, cursor, cancellationToken);

    public void Received(int events, DateTimeOffset? newestEventAt) => inner.Received(events, newestEventAt);

    public void Skipped(int events, string reason) => inner.Skipped(events, reason);

    public void StateChanged(SourceState state, string? problem = null) => inner.StateChanged(state, problem);
}
