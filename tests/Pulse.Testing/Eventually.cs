namespace Pulse.Testing;

/// <summary>
/// Polls until a condition holds. Pulse is asynchronous end to end (streams, timers), so tests wait for
/// an outcome with a generous deadline rather than sleeping a fixed time; the deadline is not a speed assertion.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                return last; // the caller's assertion on `last` then fails with the real values
            }

            await Task.Delay(100);
            last = await probe();
        }

        return last;
    }
}
