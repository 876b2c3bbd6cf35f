namespace Pulse.Silo.Auth.Users;

/// <summary>
/// Where people's accounts live: in memory for the embedded silo, in Redis in cluster mode so every host knows every
/// account and its lockout. Names are normalised by callers (<see cref="UserNames.Normalize"/>).
/// </summary>
public interface IPulseUserStore
{
    /// <summary>False if the name is taken.</summary>
    Task<bool> AddAsync(PulseUser user, CancellationToken cancellationToken = default);

    /// <summary>The account with its failure count and lockout; null if none.</summary>
    Task<PulseUser?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PulseUser>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether any account exists (the first start prints a one-time sign-in link when none does).</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    /// <summary>False if no account has that name.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed sign-in atomically (two hosts failing the same name at once both count); the
    /// <see cref="UserLockout.MaxFailures"/>th locks the account until <paramref name="now"/> + <see cref="UserLockout.Duration"/>
    /// and starts the count again. Null if the account does not exist.
    /// </summary>
    Task<SignInFailure?> RecordFailureAsync(string name, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in: the failure count goes back to zero.</summary>
    Task RecordSuccessAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored hash (a rehash in a newer format after a successful sign-in); nothing if the account is gone.</summary>
    Task SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default);
}
