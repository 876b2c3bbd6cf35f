using System.Collections.Concurrent;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Tests.Demo;

/// <summary>Keeps every batch; can be told to fail the first calls like a cluster that is still starting.</summary>
internal sealed class RecordingIngestor(int failFirst = 0) : IMentionIngestor
{
    private int _calls;

    public ConcurrentQueue<IReadOnlyList<Mention>> Batches { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _calls) <= failFirst)
        {
            throw new InvalidOperationException("cluster not ready");
        }

        Batches.Enqueue(mentions);
        return Task.FromResult(new IngestOutcome(mentions.Count, mentions));
    }
}
