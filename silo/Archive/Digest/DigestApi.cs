using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Archive.Digest;

/// <summary>
/// A brand's weekly digest: <c>GET /api/brands/{id}/digest</c> previews the last full week's (<c>?format=slack</c>: the
/// Slack message its Slack webhooks get), <c>POST /api/brands/{id}/digest/send</c> sends it now, a responder's act as an
/// acknowledgement is. Built from the archive, so both need `--postgres`.
/// </summary>
public static class DigestApi
{
    public static IEndpointRouteBuilder MapDigestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{id}/digest", PreviewAsync).WithTags("Archive").WithName("GetBrandDigest").RequireAuthorization(PulsePolicies.Read);
        app.MapPost("/api/brands/{id}/digest/send", SendAsync).WithTags("Archive").WithName("SendBrandDigest")
            .RequireAuthorization(PulsePolicies.Respond).RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Results<Ok<BrandDigest>, Ok<JsonObject>, ProblemHttpResult>> PreviewAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken,
        string? format = null)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<IBrandDigestSource>() is not { Available: true } source)
        {
            return ArchiveProblems.Off("Digests");
        }

        if (format is not null && !WebhookFormats.IsKnown(format))
        {
            return ApiProblems.Invalid("format", $"Unknown format '{format}'. Use {WebhookFormats.Json} or {WebhookFormats.Slack}.");
        }

        BrandDigest digest;
        try
        {
            digest = await source.BuildAsync(brand.Id, services.GetRequiredService<DigestSchedule>().LastFullWeek(), cancellationToken);
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }

        return format == WebhookFormats.Slack ? TypedResults.Ok(DigestPayloads.Slack(digest)) : TypedResults.Ok(digest);
    }

    private static async Task<Results<Accepted<DigestSent>, ProblemHttpResult>> SendAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, HttpContext context, IServiceProvider services, AuditTrail audit)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(context.User)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<IBrandDigestSource>() is not { Available: true })
        {
            return ArchiveProblems.Off("Digests");
        }

        var result = await grains.GetGrain<IBrandDigestGrain>(brand.Id).SendNowAsync();
        if (result.Problem is { } problem)
        {
            return TypedResults.Problem(title: "The archive is unavailable", detail: problem, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (result.Deliveries.Length == 0)
        {
            return TypedResults.Problem(
                title: "The brand has no webhooks",
                detail: $"A digest goes to the brand's webhooks: add some with PUT /api/brands/{brand.Id}/alert-settings.",
                statusCode: StatusCodes.Status409Conflict);
        }

        // The week and a count, never the webhooks: their URLs hold the receivers' secrets.
        await audit.RecordAsync(context, AuditAction.DigestSend, brand.Id, $"{result.Week} to {result.Deliveries.Length} webhooks");
        return TypedResults.Accepted((string?)null, new DigestSent(result.Week, result.Deliveries));
    }
}
