namespace Pulse.Sources.Jetstream;

/// <summary>
/// Exponential backoff with jitter. Jitter matters here: when a Jetstream instance restarts, every client reconnects at
/// once, and without it they keep retrying in lock-step.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random random)
{
    private int _failures;

    /// <summary>The next wait: half of the exponential step fixed, half random ("equal jitter"), so it never collapses to zero.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var step = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((step / 2) + (random.NextDouble() * step / 2));
    }

    /// <summary>After a connection that delivered events: the next failure starts from the initial wait again.</summary>
    public void Reset() => _failures = 0;
}
