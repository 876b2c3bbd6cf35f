namespace Pulse.Silo.Auth.Users;

/// <summary><c>POST /api/users</c> (and <c>pulse users add</c>): role by its name; brands empty or absent for all.</summary>
public sealed record NewUserRequest(string? Name, string? Password, string? Role, IReadOnlyList<string?>? Brands);

/// <summary>An account as listed: never its password hash.</summary>
public sealed record UserView(string Name, string Role, IReadOnlyList<string> Brands, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil)
{
    public static UserView Of(PulseUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Name, PulseRoleNames.Of(user.Role), user.Brands, user.CreatedAt, user.IsLockedAt(now) ? user.LockedUntil : null);
    }
}
