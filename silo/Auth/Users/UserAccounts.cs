using Pulse.Silo.Brands;

namespace Pulse.Silo.Auth.Users;

/// <summary>Creating accounts by the same rules whoever asks: <c>POST /api/users</c> and <c>pulse users add</c>.</summary>
public sealed class UserAccounts(IPulseUserStore store, UserPasswords passwords, TimeProvider clock)
{
    /// <summary>More brands than a team watches; bounds the stored JSON.</summary>
    public const int MaxBrands = 1000;

    /// <summary>The roles a person may have: <see cref="PulseRole.Ingest"/> is for collectors, which use API keys.</summary>
    public static IReadOnlyList<PulseRole> PersonRoles { get; } = [PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin];

    public async Task<UserCreation> CreateAsync(NewUserRequest? request, CancellationToken cancellationToken = default)
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

        var brands = (request.Brands ?? []).Select(b => b?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToArray();
        if (brands.Length > MaxBrands)
        {
            return new UserCreation.Invalid("brands", $"At most {MaxBrands} brands; leave the list empty for all brands.");
        }

        if (brands.FirstOrDefault(b => !BrandValidator.IsValidId(b)) is { } badBrand)
        {
            return new UserCreation.Invalid("brands", $"'{badBrand}' is not a brand id (lower-case letters, digits, '.', '_' or '-'); leave the list empty for all brands.");
        }

        var user = new PulseUser(name!, role, brands, passwords.Hash(request.Password!), clock.GetUtcNow());
        return await store.AddAsync(user, cancellationToken).ConfigureAwait(false) ? new UserCreation.Created(user) : new UserCreation.Taken(user.Name);
    }
}
