using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.RateLimits;

/// <summary>Registers the rate-limit policies (<see cref="RateLimitPolicies"/>) and the middleware that applies them.</summary>
public static class RateLimitExtensions
{
    /// <summary>Options from "Pulse:RateLimits" (validated at start), the named policies and the ingest concurrency limit.</summary>
    public static IServiceCollection AddPulseRateLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, pulse) => Configure(limiter, pulse.Value));
        return services;
    }

    /// <summary>After authentication, so a later authenticated identity can be the partition key.</summary>
    public static IApplicationBuilder UsePulseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = RateLimitRejection.WriteAsync;
        limiter.AddPolicy(RateLimitPolicies.Ingest, context =>
            PerClient(context, options, options.IngestRequestsPerSecond, options.IngestBurst));
        limiter.AddPolicy(RateLimitPolicies.Writes, context =>
            PerClient(context, options, options.WritesPerSecond, options.WritesBurst));
        limiter.AddPolicy(RateLimitPolicies.SignIn, context => SignInPerClient(context, options));

        // Endpoint policies hold one limiter each; the host-wide concurrency limit on ingest is the global limiter, which
        // the middleware acquires before the endpoint's and which lets every other endpoint through.
        var concurrency = new ConcurrencyLimiterOptions
        {
            PermitLimit = options.IngestConcurrency,
            QueueLimit = options.IngestQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            options.Enabled && PolicyOf(context) == RateLimitPolicies.Ingest
                ? RateLimitPartition.GetConcurrencyLimiter(RateLimitPolicies.Ingest, _ => concurrency)
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>The endpoint's policy name, if it opted into one.</summary>
    internal static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    /// <summary>Refilled one attempt at a time over the minute, so a guesser never gets a fresh burst at a period's start.</summary>
    private static RateLimitPartition<string> SignInPerClient(HttpContext context, RateLimitOptions options) =>
        !options.Enabled
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetTokenBucketLimiter(RateLimitPartitions.ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.SignInBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.SignInPerMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitOptions options, int perSecond, int burst)
    {
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var perPeriod = Math.Max(1, (int)Math.Round(perSecond * options.ReplenishmentPeriod.TotalSeconds));
        return RateLimitPartition.GetTokenBucketLimiter(RateLimitPartitions.ClientKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = options.ReplenishmentPeriod,
            QueueLimit = 0, // answer at once: a client told to wait frees its connection, a queued one holds it
            AutoReplenishment = true,
        });
    }
}
