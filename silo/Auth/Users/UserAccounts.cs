using Pulse.Dashboard.Teams;
using Pulse.Silo.Auth.Teams;

namespace Pulse.Silo.Auth.Users;

/// <summary>Creating accounts by the same rules whoever asks: <c>POST /api/users</c> and <c>pulse users add</c>.</summary>
public sealed class UserAccounts(IPulseUserStore store, UserPasswords passwords, TimeProvider clock)
{
    /// <summary>The roles a person may have: <see cref="PulseRole.Ingest"/> is for collectors, which use API keys.</summary>
    public static IReadOnlyList<PulseRole> PersonRoles { get; } = [PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin];

    /// <summary>
    /// Creates the account if valid and within <paramref name="grantor"/>'s team (the caller's; null: every brand, as for
    /// the CLI, which holds Redis credentials and so every account anyway).
    /// </summary>
    public async Task<UserCreation> CreateAsync(NewUserRequest? request, BrandScope? grantor = null, CancellationToken cancellationToken = default)
    {
        var name = UserNames.Normalize(request?.Name);
        if (UserNames.Problem(name) is { } nameProblem)
        {
            return new UserCreation.Invalid("name", nameProblem);
        }

        if (!PulseRoleNames.TryParse(request!.Role, out var role) || !PersonRoles.Contains(role))
        {
            var roles = string.Join(", ", PersonRoles.Select(PulseRoleNames.Of));
            return new UserCreation.Invalid("role", $"Unknown role '{request.Role}' for a person. Use one of: {roles} (collectors use an ingest API key).");
        }

        if (PasswordPolicy.Problem(request.Password) is { } passwordProblem)
        {
            return new UserCreation.Invalid("password", passwordProblem);
        }

        if (TeamBrands.Parse(request.Brands, out var brandsProblem) is not { } brands)
        {
            return new UserCreation.Invalid("brands", brandsProblem!);
        }

        if (grantor is not null && !grantor.Covers(TeamBrands.ScopeOf(brands)))
        {
            return new UserCreation.BeyondTeam(grantor);
        }

        var user = new PulseUser(name!, role, brands, passwords.Hash(request.Password!), clock.GetUtcNow());
        return await store.AddAsync(user, cancellationToken).ConfigureAwait(false) ? new UserCreation.Created(user) : new UserCreation.Taken(user.Name);
    }
}
