using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pulse.Silo.Ingest;

/// <summary>Adds a <c>Retry-After</c> header (whole seconds) to another result, e.g. a 503 problem.</summary>
internal sealed class RetryAfterResult(TimeSpan retryAfter, IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
