using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pulse.Dashboard.Api;
using Pulse.Grains;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;
using Pulse.Silo.Sources;
using Pulse.Sources.Connecting;
using Pulse.Sources.Running;

namespace Pulse.Silo.Api;

/// <summary>The sources Pulse listens to, over HTTP: list with live status, read one, create or replace, delete.</summary>
public static class SourcesApi
{
    private const string BodyShape = "{\"kind\": \"jetstream|mastodon|rss\", \"url\", \"channel\", \"pollSeconds\", \"token\", \"stream\"}.";

    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/sources").WithTags("Sources");

        // Reading is a viewer's, as the rest of the read API (the dashboard's Sources panel polls it; a source names a
        // channel, never a brand, so teams see them all); changing a source is an admin's act (a source holds a token and
        // makes the server connect where it says), and an admin of every brand's, since every brand's mentions come from it.
        sources.MapGet("/", ListAsync).WithName("ListSources").RequireAuthorization(PulsePolicies.Read);
        sources.MapGet("/{id}", GetAsync).WithName("GetSource").RequireAuthorization(PulsePolicies.Read);
        sources.MapPut("/{id}", PutAsync).WithName("PutSource").RequireAuthorization(PulsePolicies.Admin, PulsePolicies.EveryBrand).RequireRateLimiting(RateLimitPolicies.Writes);
        sources.MapDelete("/{id}", DeleteAsync).WithName("DeleteSource").RequireAuthorization(PulsePolicies.Admin, PulsePolicies.EveryBrand).RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Ok<SourceView[]>> ListAsync(IGrainFactory grains)
    {
        var sources = await Catalog(grains).ListAsync();
        return TypedResults.Ok(await Task.WhenAll(sources.Select(s => ViewAsync(grains, s))));
    }

    private static async Task<Results<Ok<SourceView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await Catalog(grains).GetAsync(id) is { } source ? TypedResults.Ok(await ViewAsync(grains, source)) : NotFound(id);

    private static async Task<Results<Created<SourceView>, Ok<SourceView>, ProblemHttpResult>> PutAsync(
        string id, HttpRequest request, IGrainFactory grains, IOptions<ChannelOptions> channels, AuditTrail audit)
    {
        SourceRequest? body;
        try
        {
            // Read here rather than bound by the framework, so a field of the wrong type is named in the answer.
            body = await request.ReadFromJsonAsync<SourceRequest>(request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var wrong = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return ApiProblems.Invalid(wrong, $"The body is not a valid source object at '{e.Path ?? "$"}': {BodyShape}");
        }
        catch (InvalidOperationException)
        {
            return ApiProblems.Invalid("body", $"The body must be JSON (Content-Type: application/json): {BodyShape}");
        }

        if (body is null)
        {
            return ApiProblems.Invalid("body", $"The body must be a JSON source object: {BodyShape}");
        }

        var catalog = Catalog(grains);
        var existing = await catalog.GetAsync(id);
        var source = SourceValidator.Validate(id, body, channels.Value.Channels, existing, out var field, out var message);
        if (source is null)
        {
            return ApiProblems.Invalid(field, message);
        }

        var created = await catalog.PutAsync(source);
        // The kind only: a source's url and token may carry credentials.
        await audit.RecordAsync(request.HttpContext, AuditAction.SourcePut, id, $"{SourceWireNames.Of(source.Kind)}, {(created ? "created" : "replaced")}");
        var view = await ViewAsync(grains, source);
        return created ? TypedResults.Created($"/api/sources/{id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains, HttpContext context, AuditTrail audit)
    {
        if (!await Catalog(grains).DeleteAsync(id))
        {
            return NotFound(id);
        }

        await audit.RecordAsync(context, AuditAction.SourceDelete, id);
        return TypedResults.NoContent();
    }

    private static async Task<SourceView> ViewAsync(IGrainFactory grains, SourceDefinition source) =>
        SourceView.Of(source, await grains.GetGrain<ISourceGrain>(source.Id).GetStatusAsync());

    private static ISourceCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<ISourceCatalogGrain>(ISourceCatalogGrain.Key);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(
            title: $"Source '{id}' not found",
            detail: $"No source with id '{id}' is configured. GET /api/sources lists them.",
            statusCode: StatusCodes.Status404NotFound);
}
