namespace Pulse.Sources.Rss;

/// <summary>How long to wait after a failed poll.</summary>
internal static class RssBackoff
{
    /// <summary>
    /// The server's Retry-After when it gave one (up to <paramref name="maxRetryAfter"/>), else the poll interval doubled
    /// per consecutive failure up to <paramref name="cap"/>; never shorter than the poll interval, since a failing
    /// feed must not be asked more often than a healthy one.
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan pollInterval, TimeSpan? retryAfter, TimeSpan cap, TimeSpan maxRetryAfter)
    {
        if (retryAfter is { } asked)
        {
            return Max(pollInterval, Min(asked, maxRetryAfter));
        }

        // Compared before shifting, so a long interval times 2^n cannot overflow.
        var shift = Math.Clamp(failures - 1, 0, 30);
        var exponential = pollInterval.Ticks > (cap.Ticks >> shift) ? cap : TimeSpan.FromTicks(pollInterval.Ticks << shift);
        return Max(pollInterval, exponential);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
