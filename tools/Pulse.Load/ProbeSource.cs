using System.Collections.Concurrent;

namespace Pulse.Load;

/// <summary>
/// Makes a probe mention every interval, for the probe brands in turn and each channel in turn; the next batch any
/// worker sends takes it along, so probes travel with the normal stream.
/// </summary>
internal sealed class ProbeSource(MentionIds ids, IReadOnlyList<LoadBrand> probeBrands, TimeSpan interval, TimeProvider time)
{
    private readonly ConcurrentQueue<(string Id, PooledMention Mention)> _ready = new();
    private long _made;

    public long Made => Interlocked.Read(ref _made);

    public bool TryTake(out (string Id, PooledMention Mention) probe) => _ready.TryDequeue(out probe);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var n = Interlocked.Increment(ref _made) - 1;
                var brand = probeBrands[(int)(n % probeBrands.Count)];
                _ready.Enqueue((ids.Probe(n), MentionPool.Probe(brand, (int)(n / probeBrands.Count))));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
