using System.Collections.Concurrent;
using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Tests;

/// <summary>
/// A sink that keeps what a connector delivered, for assertions; thread-safe. Ingest is played by
/// <paramref name="matches"/>: the mentions it accepts are reported as matched (all of them by default).
/// </summary>
public sealed class RecordingSink(Func<Mention, bool>? matches = null) : ISourceSink
{
    private readonly object _gate = new();
    private readonly List<Mention> _mentions = [];
    private readonly List<SourceState> _states = [];

    public ConcurrentDictionary<string, int> SkippedByReason { get; } = new();

    public string? Cursor { get; private set; }

    public long ReceivedEvents { get; private set; }

    public DateTimeOffset? NewestEventAt { get; private set; }

    public string? LastError { get; private set; }

    public IReadOnlyList<Mention> Mentions
    {
        get
        {
            lock (_gate)
            {
                return [.. _mentions];
            }
        }
    }

    public IReadOnlyList<SourceState> States
    {
        get
        {
            lock (_gate)
            {
                return [.. _states];
            }
        }
    }

    public ValueTask<IngestOutcome> AcceptAsync(IReadOnlyList<Mention> mentions, string? cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _mentions.AddRange(mentions);
            Cursor = cursor ?? Cursor;
        }

        return ValueTask.FromResult(new IngestOutcome(mentions.Count, matches is null ? mentions : [.. mentions.Where(matches)]));
    }

    public void Received(int events, DateTimeOffset? newestEventAt)
    {
        lock (_gate)
        {
            ReceivedEvents += events;
            NewestEventAt = newestEventAt ?? NewestEventAt;
        }
    }

    public void Skipped(int events, string reason) => SkippedByReason.AddOrUpdate(reason, events, (_, n) => n + events);

    public void StateChanged(SourceState state, string? problem = null)
    {
        lock (_gate)
        {
            _states.Add(state);
            LastError = problem ?? LastError;
        }
    }
}
