using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth.Teams;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Auth.Users;

/// <summary>
/// People's accounts over HTTP, admin only: create, list (never a password hash), delete. A team-limited admin creates
/// accounts only within its own team (403 otherwise), and lists and deletes only those; the others are not found.
/// </summary>
public static class UsersApi
{
    public const string Route = "/api/users";

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var users = app.MapGroup(Route).WithTags("Users").RequireAuthorization(PulsePolicies.Admin);
        users.MapGet("/", ListAsync).WithName("ListUsers");
        users.MapPost("/", CreateAsync).WithName("CreateUser").RequireRateLimiting(RateLimitPolicies.Writes);
        users.MapDelete("/{name}", DeleteAsync).WithName("DeleteUser").RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Ok<UserView[]>> ListAsync(
        IPulseUserStore store, TimeProvider clock, IBrandVisibility visibility, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = visibility.ScopeOf(user);
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Where(u => scope.Covers(TeamBrands.ScopeOf(u.Brands))).Select(u => UserView.Of(u, now)).ToArray());
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateAsync(
        NewUserRequest? body, UserAccounts accounts, ClaimsPrincipal user, IBrandVisibility visibility, HttpContext context, AuditTrail audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        switch (await accounts.CreateAsync(body, visibility.ScopeOf(user), cancellationToken))
        {
            case UserCreation.Created created:
                await audit.RecordAsync(context, AuditAction.UserCreate, created.User.Name, PulseRoleNames.Of(created.User.Role));
                return TypedResults.Created($"{Route}/{Uri.EscapeDataString(created.User.Name)}", UserView.Of(created.User, clock.GetUtcNow()));
            case UserCreation.Invalid invalid:
                return ApiProblems.Invalid(invalid.Field, invalid.Message);
            case UserCreation.Taken taken:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"User '{taken.Name}' exists",
                    detail: $"Names are unique (case-insensitive). DELETE {Route}/{taken.Name} first to replace the account.");
            case UserCreation.BeyondTeam beyond:
                return TeamProblems.BeyondTeam(beyond.Grantor, "account");
            default:
                throw new InvalidOperationException("Unknown outcome of creating a user.");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, IPulseUserStore store, ClaimsPrincipal user, IBrandVisibility visibility, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        var normalized = UserNames.Normalize(name) ?? string.Empty;
        // An account beyond the caller's team is not the caller's to delete, nor to learn of: not found, as an unknown name.
        var scope = visibility.ScopeOf(user);
        var within = scope.IsEvery || (await store.FindAsync(normalized, cancellationToken) is { } found && scope.Covers(TeamBrands.ScopeOf(found.Brands)));
        if (!within || !await store.DeleteAsync(normalized, cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"User '{name}' not found",
                detail: $"No account is named '{name}'. GET {Route} lists them.");
        }

        await audit.RecordAsync(context, AuditAction.UserDelete, normalized);
        return TypedResults.NoContent();
    }
}
