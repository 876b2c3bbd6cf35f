using System.Security.Claims;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Silo.Audit;
using Pulse.Silo.Brands;
using Pulse.Silo.Brands.Import;
using Microsoft.AspNetCore.Mvc;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Teams;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Api;

/// <summary>
/// Brand configuration over HTTP: list, read, create or replace, import many, delete, each within the caller's team: a brand outside
/// it is not listed and not found (404, as an unknown one), and a team-limited admin may create or replace only brands
/// of its list (403 naming the team: refusing says nothing about whether the brand exists).
/// </summary>
public static class BrandsApi
{
    /// <summary>The bulk import: a literal segment, apart from <c>/api/brands/{id}</c> (which has one more).</summary>
    public const string ImportRoute = "/api/brands:import";

    public static IEndpointRouteBuilder MapBrandsApi(this IEndpointRouteBuilder app)
    {
        // A team-limited admin may import, and gets each brand beyond its team rejected with the reason.
        app.MapPost(ImportRoute, static (HttpContext context, [FromServices] BrandImportHandler handler, IGrainFactory grains, AuditTrail audit) => handler.HandleAsync(context, grains, audit))
            .WithName("ImportBrands").WithTags("Brands")
            .RequireAuthorization(PulsePolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes)
            .Produces<BrandImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        var brands = app.MapGroup("/api/brands").WithTags("Brands");
        brands.MapGet("/", ListAsync).WithName("ListBrands").RequireAuthorization(PulsePolicies.Read);
        brands.MapGet("/{id}", GetAsync).WithName("GetBrand").RequireAuthorization(PulsePolicies.Read);
        brands.MapPut("/{id}", PutAsync).WithName("PutBrand").RequireAuthorization(PulsePolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
        brands.MapDelete("/{id}", DeleteAsync).WithName("DeleteBrand").RequireAuthorization(PulsePolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    /// <summary>Every brand, ordered by id; for a team, its brands that exist, looked up one by one rather than the catalog sifted.</summary>
    private static async Task<Ok<BrandDefinition[]>> ListAsync(IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user)
    {
        var scope = visibility.ScopeOf(user);
        if (scope.IsEvery)
        {
            return TypedResults.Ok((await Catalog(grains).GetAsync()).Brands);
        }

        var found = await Task.WhenAll(scope.Brands.Select(id => Catalog(grains).FindAsync(id)));
        return TypedResults.Ok(found.OfType<BrandDefinition>().OrderBy(b => b.Id, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static async Task<Results<Ok<BrandDefinition>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user) =>
        await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is { } brand ? TypedResults.Ok(brand) : ApiProblems.BrandNotFound(id);

    private static async Task<Results<Created<BrandDefinition>, Ok<BrandDefinition>, ProblemHttpResult>> PutAsync(
        string id, BrandRequest? body, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, HttpContext context, AuditTrail audit)
    {
        var scope = visibility.ScopeOf(user);
        if (!scope.Includes(id))
        {
            return TeamProblems.BrandBeyondTeam(scope, id);
        }

        if (body is null)
        {
            return Invalid(["The body must be a JSON brand object."]);
        }

        if (body.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            return Invalid([$"id in the body ('{bodyId}') differs from the id in the URL ('{id}')."]);
        }

        var brand = body.ToDefinition(id);
        var errors = BrandValidator.Validate(brand);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var created = await Catalog(grains).PutAsync(brand);
        await audit.RecordAsync(context, AuditAction.BrandPut, id, created ? "created" : "replaced");
        return created ? TypedResults.Created($"/api/brands/{id}", brand) : TypedResults.Ok(brand);
    }

    /// <summary>
    /// The brand's alert settings go first (webhooks are secrets a later brand of the same id must not inherit); if that
    /// fails, the brand is still there to delete again. Not inside the catalog grain: the alerts grain calls the catalog.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, HttpContext context, AuditTrail audit)
    {
        if (await grains.FindVisibleBrandAsync(id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        await grains.GetGrain<IBrandAlertsGrain>(brand.Id).ForgetSettingsAsync();
        if (!await Catalog(grains).DeleteAsync(brand.Id))
        {
            return ApiProblems.BrandNotFound(id);
        }

        await audit.RecordAsync(context, AuditAction.BrandDelete, brand.Id);
        return TypedResults.NoContent();
    }

    private static IBrandCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);

    private static ProblemHttpResult Invalid(IReadOnlyList<string> errors) =>
        TypedResults.Problem(
            title: "Invalid brand",
            detail: string.Join(" ", errors),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
