using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Pulse.Silo.Hosting;

/// <summary>
/// Answers 503 with Retry-After, not 500, when a request's grain call failed because the cluster is changing: a silo
/// died or left and the grain is reactivating elsewhere, or its call timed out meanwhile. Dashboards and scripts retry
/// a 503 on their own; a 500 reads as a bug and pages someone during the very failover they are watching.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Membership declares a dead silo within about 10 s and its grains move at their next call.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Orleans reports some call timeouts (an expired placement) as OperationCanceledException; the client's own abort is not one.
        var clusterTimeout = exception is OperationCanceledException && !httpContext.RequestAborted.IsCancellationRequested;
        if (!clusterTimeout && !IsClusterChange(exception))
        {
            return false;
        }

        LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var seconds = RetryAfterResult.Set(httpContext.Response, RetryAfter);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Cluster briefly unavailable",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"A silo joined or left and the data this request needs is moving to another silo. Retry after {seconds} s."),
            },
        });
    }

    /// <summary>
    /// Orleans' signs of a membership change: the target silo is gone or refused the message, or the call's response
    /// timed out (Orleans reports that as <see cref="TimeoutException"/>).
    /// </summary>
    public static bool IsClusterChange(Exception exception) => exception switch
    {
        OrleansMessageRejectionException or SiloUnavailableException or ClientNotAvailableException or TimeoutException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsClusterChange(aggregate.InnerExceptions[0]),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster is changing ({Exception}: {Reason})")]
    private partial void LogUnavailable(string method, string path, string exception, string reason);
}
