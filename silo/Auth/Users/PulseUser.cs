namespace Pulse.Silo.Auth.Users;

/// <summary>
/// A person who signs in to the dashboard. <see cref="Name"/> is the normalised sign-in name (<see cref="UserNames"/>),
/// <see cref="PasswordHash"/> the <c>PasswordHasher</c> output (never the password), <see cref="Brands"/> the brands
/// the person may see (empty: all; enforced once teams land, docs/auth-plan.md step 4).
/// </summary>
public sealed record PulseUser(string Name, PulseRole Role, IReadOnlyList<string> Brands, string PasswordHash, DateTimeOffset CreatedAt)
{
    /// <summary>Consecutive failed sign-ins since the last success or lockout (<see cref="UserLockout"/>).</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-in is refused, whatever the password; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
