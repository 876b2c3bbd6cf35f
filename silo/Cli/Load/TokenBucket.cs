namespace Pulse.Silo.Cli.Load;

/// <summary>
/// Paces batches at a rate shared by all workers. Each acquisition is given the next free slot on a virtual clock
/// (a token bucket with room for one batch), and waits until then: delays do not accumulate, since slots are
/// absolute, and a worker that fell behind does not burst to catch up beyond one batch.
/// </summary>
internal sealed class TokenBucket(double perSecond, TimeProvider time)
{
    private readonly double _ticksPerItem = time.TimestampFrequency / perSecond;
    private readonly Lock _gate = new();
    private double _next = time.GetTimestamp();

    /// <summary>Waits for <paramref name="items"/> tokens; returns the timestamp of the granted slot.</summary>
    public async Task<long> AcquireAsync(int items, CancellationToken cancellationToken)
    {
        double due;
        long now = time.GetTimestamp();
        lock (_gate)
        {
            due = Math.Max(_next, now);
            _next = due + (items * _ticksPerItem);
        }

        var wait = (due - now) / time.TimestampFrequency;
        if (wait > 0.001)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait), time, cancellationToken).ConfigureAwait(false);
        }

        return (long)due;
    }
}
