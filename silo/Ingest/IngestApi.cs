using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Mentions;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Ingest;

/// <summary>Wiring of the HTTP mention ingest: services and the <c>POST /api/mentions</c> endpoint.</summary>
public static class IngestApi
{
    public const string Route = "/api/mentions";

    /// <summary>
    /// Registers <see cref="IngestOptions"/> (section <c>Pulse:Ingest</c>, validated at start),
    /// <see cref="MentionBatchParser"/>, Pulse's metrics and <see cref="TimeProvider.System"/> unless one is registered.
    /// <see cref="IMentionIngestor"/> must be registered by the host.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetSection(IngestOptions.SectionName);
        services.AddPulseChannels(config);
        services.AddOptions<IngestOptions>()
            .Bind(section)
            // One list of channels for the whole cluster ("Pulse:Channels"): ingest accepts exactly what the grains aggregate.
            .Configure<IOptions<ChannelOptions>>((options, channels) => options.Channels = channels.Value.Channels)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MentionBatchParser(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddPulseMetrics();
        services.TryAddSingleton<MentionIngestHandler>();
        services.AddHealthChecks().AddCheck<IngestPartitionsHealthCheck>("ingest", HealthStatus.Degraded);
        return services;
    }

    /// <summary>Maps <c>POST /api/mentions</c> (JSON object, JSON array or NDJSON body).</summary>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, static (HttpContext context, [FromServices] MentionIngestHandler handler, [FromServices] IMentionIngestor ingestor)
                => handler.HandleAsync(context, ingestor))
            .WithName("IngestMentions")
            // Every brand's query matches every mention, so a team-limited caller (an admin; ingest keys have no team)
            // would feed other teams' brands.
            .RequireAuthorization(PulsePolicies.Ingest, PulsePolicies.EveryBrand)
            .RequireRateLimiting(RateLimitPolicies.Ingest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>
    /// On a dashboard-only host: <c>POST /api/mentions</c> answers 404 problem+json saying where ingest lives,
    /// rather than a bare 404 or 405 that would look like a wrong URL.
    /// </summary>
    public static IEndpointRouteBuilder MapIngestElsewhere(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, static () => IngestProblems.NotOnThisHost())
            .WithName("IngestMentionsElsewhere")
            .RequireAuthorization(PulsePolicies.Ingest, PulsePolicies.EveryBrand)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
