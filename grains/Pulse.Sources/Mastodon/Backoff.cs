namespace Pulse.Sources.Mastodon;

/// <summary>
/// Exponential backoff with jitter: each failure doubles the ceiling up to a cap, and the wait is drawn from its upper
/// half so that many sources failing together (an instance restart) do not all come back in the same second.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap)
{
    private int _failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, _failures));
        _failures = Math.Min(_failures + 1, 30);
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    /// <summary>After a healthy connection the next failure waits the shortest time again.</summary>
    public void Reset() => _failures = 0;
}
