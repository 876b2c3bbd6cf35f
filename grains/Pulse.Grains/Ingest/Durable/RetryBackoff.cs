namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// How long a partition waits before calling a (brand, channel) grain again after a failed call: doubling from
/// <see cref="First"/> up to <see cref="Longest"/>, with jitter so that partitions retrying the same grain do not call
/// in step.
/// </summary>
/// <remarks>
/// A grain whose silo just died is reachable again once membership declares the silo dead and the grain reactivates
/// elsewhere (about 10 s here: three missed 3 s probes). Short first waits catch the common case of a call that failed
/// in flight; the cap, under one probe timeout, keeps retrying often enough that the delivery goes through within about
/// 2 s of the grain becoming reachable (a 4 s cap added up to 4 s to recovery). <see cref="Budget"/> bounds one
/// delivery's retries below Orleans' 30 s response timeout, so the stream agent that waits on it does not give up first.
/// </remarks>
public static class RetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): between half and all of the doubled delay.</summary>
    public static TimeSpan Delay(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1.0);
        var doubled = First.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var full = Math.Min(doubled, Longest.Ticks);
        return TimeSpan.FromTicks((long)(full * (0.5 + 0.5 * jitter)));
    }
}
