namespace Pulse.Load;

/// <summary>
/// Paces batches at a rate shared by all workers. Each acquisition is given the next free slot on a virtual clock and
/// waits until then; slots are absolute, so timer jitter does not accumulate. The bucket holds one second of tokens:
/// after a slow answer the workers catch up on up to a second of missed slots, no more.
/// </summary>
internal sealed class TokenBucket(double perSecond, TimeProvider time)
{
    private readonly double _ticksPerItem = time.TimestampFrequency / perSecond;
    private readonly Lock _gate = new();
    private readonly long _burst = time.TimestampFrequency;
    private double _next = time.GetTimestamp();

    /// <summary>Waits for <paramref name="items"/> tokens; returns the timestamp of the granted slot.</summary>
    public async Task<long> AcquireAsync(int items, CancellationToken cancellationToken)
    {
        double due;
        long now = time.GetTimestamp();
        lock (_gate)
        {
            due = Math.Max(_next, now - _burst);
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
