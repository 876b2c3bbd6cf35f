using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth.Teams;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// API keys over HTTP, admin only: create (the secret is in that answer and nowhere else, ever), list without secrets
/// but with last use, revoke. A team-limited admin creates keys only within its own team (403 otherwise: no minting a
/// wider key than one's own), and lists and revokes only those; the others are not found, as unknown ids.
/// </summary>
public static class ApiKeysApi
{
    public const string Route = "/api/keys";
    public const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = app.MapGroup(Route).WithTags("Keys").RequireAuthorization(PulsePolicies.Admin);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").RequireRateLimiting(RateLimitPolicies.Writes);
        keys.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Ok<ApiKeyView[]>> ListAsync(IApiKeyStore store, IBrandVisibility visibility, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = visibility.ScopeOf(user);
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Where(k => scope.Covers(TeamBrands.ScopeOf(k.Brands))).Select(ApiKeyView.Of).ToArray());
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        ApiKeyRequest? body, IApiKeyStore store, TimeProvider clock, ClaimsPrincipal user, IBrandVisibility visibility, HttpContext context, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return ApiProblems.Invalid("name", $"Give the key a name of 1 to {MaxNameLength} printable characters: {{\"name\": \"grafana\", \"role\": \"viewer\"}}.");
        }

        if (!PulseRoleNames.TryParse(body!.Role, out var role))
        {
            return ApiProblems.Invalid("role", $"Unknown role '{body.Role}'. Use one of: {string.Join(", ", PulseRoleNames.All)}.");
        }

        if (TeamBrands.Parse(body.Brands, out var brandsProblem) is not { } brands)
        {
            return ApiProblems.Invalid("brands", brandsProblem!);
        }

        // A mention is matched against every brand's query, so a collector's key limited to brands would limit nothing.
        if (role == PulseRole.Ingest && brands.Length > 0)
        {
            return ApiProblems.Invalid("brands", "An ingest key feeds every brand (mentions are matched against all brands' queries); leave 'brands' empty.");
        }

        var scope = visibility.ScopeOf(user);
        if (!scope.Covers(TeamBrands.ScopeOf(brands)))
        {
            return TeamProblems.BeyondTeam(scope, "key");
        }

        var secret = ApiKeySecret.New();
        var key = new StoredApiKey(ApiKeySecret.NewId(), name, role, ApiKeySecret.Hash(secret), clock.GetUtcNow()) { Brands = brands };
        await store.AddAsync(key, cancellationToken);
        await audit.RecordAsync(context, AuditAction.KeyCreate, key.Id, $"'{key.Name}' ({PulseRoleNames.Of(role)}{TeamDetail(key.Brands)})");
        return TypedResults.Created($"{Route}/{key.Id}", new CreatedApiKey(key.Id, key.Name, PulseRoleNames.Of(role), key.Brands, key.CreatedAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, IApiKeyStore store, ClaimsPrincipal user, IBrandVisibility visibility, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        // A key beyond the caller's team is not the caller's to revoke, nor to learn of: not found, as an unknown id.
        var scope = visibility.ScopeOf(user);
        var within = scope.IsEvery || (await store.ListAsync(cancellationToken)).Any(k => k.Id == id && scope.Covers(TeamBrands.ScopeOf(k.Brands)));
        if (!within || !await store.RevokeAsync(id, cancellationToken))
        {
            return TypedResults.Problem(
                title: $"API key '{id}' not found",
                detail: $"No key has id '{id}' (revoked already?). GET {Route} lists them; the bootstrap key is revoked by removing {PulseAuthOptions.Section}:AdminKey.",
                statusCode: StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(context, AuditAction.KeyRevoke, id);
        return TypedResults.NoContent();
    }

    /// <summary>A team-limited key's brands for its audit entry (brand ids are no secret).</summary>
    private static string TeamDetail(IReadOnlyList<string> brands) => brands.Count == 0 ? "" : "; brands " + string.Join(",", brands);
}
