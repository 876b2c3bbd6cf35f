using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Archive.Annotations;

/// <summary>
/// <c>/api/brands/{id}/annotations</c>: events a team records on a brand's timeline ("campaign launch", "press
/// release", "outage"), which charts show and reports measure lift around. Recording one is a responder's act, as an
/// acknowledgement is; who recorded it is the caller. They live in the archive, so they need `--postgres`.
/// </summary>
public static class AnnotationsApi
{
    public const int MaxTitleLength = 200;
    public const int MaxNoteLength = 2_000;

    /// <summary>A list's default span when no range is given: the longest chart.</summary>
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapAnnotationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brands/{id}/annotations").WithTags("Archive");
        group.MapGet("/", ListAsync).WithName("ListAnnotations").RequireAuthorization(PulsePolicies.Read);
        group.MapPost("/", AddAsync).WithName("AddAnnotation").RequireAuthorization(PulsePolicies.Respond).RequireRateLimiting(RateLimitPolicies.Writes);
        group.MapDelete("/{annotationId}", DeleteAsync).WithName("DeleteAnnotation").RequireAuthorization(PulsePolicies.Respond).RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<Annotation>>, ProblemHttpResult>> ListAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, IServiceProvider services, TimeProvider clock,
        CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<AnnotationStore>() is not { } store)
        {
            return ArchiveProblems.Off("Annotations");
        }

        if (!ArchiveTimes.TryRange(from, to, clock.GetUtcNow(), DefaultSpan, out var range, out var problem))
        {
            return problem;
        }

        return await ArchiveProblems.GuardAsync<IReadOnlyList<Annotation>>(() => store.ListAsync(brand.Id, range.From, range.To, cancellationToken));
    }

    private static async Task<Results<Created<Annotation>, ProblemHttpResult>> AddAsync(
        string id, AnnotationRequest? body, IGrainFactory grains, IBrandVisibility visibility, HttpContext context, IServiceProvider services,
        AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(context.User)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<AnnotationStore>() is not { } store)
        {
            return ArchiveProblems.Off("Annotations");
        }

        if (Check(body, clock.GetUtcNow()) is { } invalid)
        {
            return invalid;
        }

        var kind = body!.Kind is { } named && AnnotationWireNames.Kind.TryParse(named, out var parsed) ? parsed : AnnotationKind.Other;
        try
        {
            var added = await store.AddAsync(brand.Id, kind, body.Title!.Trim(), body.Note, body.At!.Value, body.EndsAt, CallerNames.Of(context.User), cancellationToken);
            await audit.RecordAsync(context, AuditAction.AnnotationAdd, $"{brand.Id}/{added.Id}", added.Title);
            return TypedResults.Created($"/api/brands/{Uri.EscapeDataString(brand.Id)}/annotations/{added.Id}", added);
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, string annotationId, IGrainFactory grains, IBrandVisibility visibility, HttpContext context, IServiceProvider services,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(context.User)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (services.GetService<AnnotationStore>() is not { } store)
        {
            return ArchiveProblems.Off("Annotations");
        }

        if (!long.TryParse(annotationId, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ApiProblems.Invalid("annotationId", $"'{annotationId}' is not an annotation id: ids are whole numbers.");
        }

        try
        {
            if (!await store.DeleteAsync(brand.Id, number, cancellationToken))
            {
                return TypedResults.Problem(title: $"Annotation {number} not found", detail: $"Brand '{brand.Id}' has no annotation {number}.", statusCode: StatusCodes.Status404NotFound);
            }
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }

        await audit.RecordAsync(context, AuditAction.AnnotationDelete, $"{brand.Id}/{number}");
        return TypedResults.NoContent();
    }

    /// <summary>The 400 for the first wrong field of <paramref name="body"/>, or null when it is valid.</summary>
    internal static ProblemHttpResult? Check(AnnotationRequest? body, DateTimeOffset now)
    {
        if (body is null)
        {
            return ApiProblems.Invalid("body", "Send a JSON object: { \"title\": \"Spring campaign\", \"kind\": \"campaign\", \"at\": \"2026-12-01T09:00:00Z\" }.");
        }

        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > MaxTitleLength || body.Title.Any(char.IsControl))
        {
            return ApiProblems.Invalid("title", $"title is required: 1 to {MaxTitleLength} characters, no control characters.");
        }

        if (body.Kind is not null && !AnnotationWireNames.Kind.TryParse(body.Kind, out _))
        {
            return ApiProblems.Invalid("kind", $"Unknown kind '{body.Kind}'. Use one of: {AnnotationWireNames.Kind.Known}.");
        }

        if (body.At is not { } at || at.Year < 2000 || at > now.AddYears(1))
        {
            return ApiProblems.Invalid("at", "at is required: when the event happened or starts (ISO 8601), from 2000 to a year from now.");
        }

        if (body.EndsAt is { } ends && (ends <= at || ends - at > TimeSpan.FromDays(366)))
        {
            return ApiProblems.Invalid("endsAt", "endsAt must be after at, and at most a year later.");
        }

        if (body.Note is { Length: > MaxNoteLength })
        {
            return ApiProblems.Invalid("note", $"The note is {body.Note.Length} characters long; at most {MaxNoteLength}.");
        }

        return null;
    }
}
