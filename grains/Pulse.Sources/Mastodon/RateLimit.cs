using System.Globalization;
using System.Net.Http.Headers;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// Mastodon's rate-limit headers: <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (an ISO
/// 8601 time when the window refills), with <c>Retry-After</c> as the generic fallback on a 429.
/// </summary>
internal static class RateLimit
{
    /// <summary>When a 429 may be retried; null when the response does not say.</summary>
    public static DateTimeOffset? RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Reset(headers) is { } reset)
        {
            return reset;
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => null,
        };
    }

    /// <summary>
    /// How long to wait before the next REST request so that the window is not exhausted: nothing while plenty remain; the
    /// rest of the window spread evenly over the remaining requests once fewer than a tenth are left; the whole window
    /// once none are.
    /// </summary>
    public static TimeSpan Pace(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Number(headers, "X-RateLimit-Remaining") is not { } remaining || Reset(headers) is not { } reset || reset <= now)
        {
            return TimeSpan.Zero;
        }

        var limit = Number(headers, "X-RateLimit-Limit") ?? 300; // Mastodon's default per-account window
        var window = reset - now;
        if (remaining <= 0)
        {
            return window;
        }

        return remaining < Math.Max(1, limit / 10) ? window / (remaining + 1) : TimeSpan.Zero;
    }

    private static DateTimeOffset? Reset(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Reset", out var values)
        && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset)
            ? reset
            : null;

    private static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
