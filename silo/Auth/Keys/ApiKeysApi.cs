using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Api;
using Pulse.Silo.Audit;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// API keys over HTTP, admin only: create (the secret is in that answer and nowhere else, ever), list without secrets
/// but with last use, revoke.
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

    private static async Task<Ok<ApiKeyView[]>> ListAsync(IApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(ApiKeyView.Of).ToArray());

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        ApiKeyRequest? body, IApiKeyStore store, TimeProvider clock, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
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

        var secret = ApiKeySecret.New();
        var key = new StoredApiKey(ApiKeySecret.NewId(), name, role, ApiKeySecret.Hash(secret), clock.GetUtcNow());
        await store.AddAsync(key, cancellationToken);
        await audit.RecordAsync(context, AuditAction.KeyCreate, key.Id, $"'{key.Name}' ({PulseRoleNames.Of(role)})");
        return TypedResults.Created($"{Route}/{key.Id}", new CreatedApiKey(key.Id, key.Name, PulseRoleNames.Of(role), key.CreatedAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, IApiKeyStore store, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(id, cancellationToken))
        {
            return TypedResults.Problem(
                title: $"API key '{id}' not found",
                detail: $"No key has id '{id}' (revoked already?). GET {Route} lists them; the bootstrap key is revoked by removing {PulseAuthOptions.Section}:AdminKey.",
                statusCode: StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(context, AuditAction.KeyRevoke, id);
        return TypedResults.NoContent();
    }
}
