namespace Pulse.Silo.Auth.Users;

/// <summary>
/// Checks a name and password against the store, with the lockout of <see cref="UserLockout"/>: a locked account is
/// refused before its hash is even checked; a failure counts; a success resets the count (and stores a rehash if due).
/// </summary>
public sealed partial class PasswordSignIn(IPulseUserStore store, UserPasswords passwords, TimeProvider clock, ILogger<PasswordSignIn> logger)
{
    public async Task<SignInCheck> CheckAsync(string? name, string? password, CancellationToken cancellationToken = default)
    {
        var normalized = UserNames.Normalize(name);
        password ??= string.Empty;
        var user = normalized is null || password.Length > PasswordPolicy.MaxLength
            ? null
            : await store.FindAsync(normalized, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            passwords.VerifyDecoy(password.Length > PasswordPolicy.MaxLength ? string.Empty : password);
            return new SignInCheck.Failed();
        }

        if (user.IsLockedAt(now))
        {
            return new SignInCheck.LockedOut(user.LockedUntil!.Value);
        }

        if (!passwords.Verify(user, password, out var rehash))
        {
            var failure = await store.RecordFailureAsync(user.Name, now, cancellationToken).ConfigureAwait(false);
            if (failure?.LockedUntil is { } until)
            {
                LogLockedOut(user.Name, until);
                return new SignInCheck.LockedOut(until);
            }

            return new SignInCheck.Failed();
        }

        if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await store.RecordSuccessAsync(user.Name, cancellationToken).ConfigureAwait(false);
        }

        if (rehash is not null)
        {
            await store.SetPasswordHashAsync(user.Name, rehash, cancellationToken).ConfigureAwait(false);
        }

        return new SignInCheck.Succeeded(user with { FailedSignIns = 0, LockedUntil = null });
    }

    // Warning: one person mistyping five times, or someone guessing; either way an operator may want to know.
    [LoggerMessage(Level = LogLevel.Warning, Message = "User '{Name}' is locked out until {Until} after repeated failed sign-ins.")]
    private partial void LogLockedOut(string name, DateTimeOffset until);
}
