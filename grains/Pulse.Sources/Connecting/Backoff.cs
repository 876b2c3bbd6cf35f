namespace Pulse.Sources.Connecting;

/// <summary>
/// Exponential backoff with "equal jitter": each failure doubles the ceiling up to a cap, and the wait is drawn from its
/// upper half. The jitter matters: when an instance restarts every client reconnects at once, and without it they keep
/// retrying in lock-step. Not thread-safe: one per running source.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, _failures));
        _failures = Math.Min(_failures + 1, 30);
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds((ceiling / 2) + (_random.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    /// <summary>After a healthy connection the next failure waits the shortest time again.</summary>
    public void Reset() => _failures = 0;
}
