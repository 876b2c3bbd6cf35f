using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.RateLimits;

/// <summary>The 429 answer: problem+json with Retry-After, in whole seconds.</summary>
internal static partial class RateLimitRejection
{
    /// <summary>A concurrency limit has no refill time to tell; a second is about how long an ingest request takes at worst.</summary>
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = RateLimitExtensions.PolicyOf(context) ?? "global";
        var perClient = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var client = RateLimitPartitions.ClientKey(context);
            LogRejected(logger, policy, client, perClient);
        }

        var seconds = RetryAfterResult.Set(context.Response, perClient ? retryAfter : BusyRetryAfter);
        var detail = perClient
            ? $"This client sent more requests than the '{policy}' limit allows. Retry after {seconds} s."
            : $"This host is handling as many '{policy}' requests as it takes at once. Retry after {seconds} s.";
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["policy"] = policy, ["retryAfter"] = seconds }).ExecuteAsync(context);
    }

    // Debug: a flood would otherwise write a line per rejected request.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limit '{Policy}' rejected a request of {Client} (per client: {PerClient})")]
    private static partial void LogRejected(ILogger logger, string policy, string client, bool perClient);
}
