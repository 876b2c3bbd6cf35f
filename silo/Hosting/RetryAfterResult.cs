using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pulse.Silo.Hosting;

/// <summary>Adds a <c>Retry-After</c> header (whole seconds) to another result, e.g. a 503 problem.</summary>
internal sealed class RetryAfterResult(TimeSpan retryAfter, IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        Set(httpContext.Response, retryAfter);
        return inner.ExecuteAsync(httpContext);
    }

    /// <summary>
    /// Sets <c>Retry-After</c> on <paramref name="response"/>, rounded up to whole seconds and at least 1 (0 would invite
    /// an immediate retry); returns the seconds, for the problem's text.
    /// </summary>
    public static int Set(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
