using Microsoft.AspNetCore.Identity;

namespace Pulse.Silo.Auth.Users;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100 000 iterations,
/// a random salt, the format versioned inside the hash so a future default can rehash on the next sign-in), without
/// the rest of Identity: Pulse needs a hash and a check, not its user manager or EF stores.
/// </summary>
public sealed class UserPasswords
{
    private static readonly PulseUser Nobody = new(string.Empty, PulseRole.Viewer, [], string.Empty, DateTimeOffset.UnixEpoch);

    private readonly PasswordHasher<PulseUser> _hasher = new();

    /// <summary>
    /// A hash of a password nobody knows: an unknown name is checked against it, so it costs the same time as a known
    /// name with a wrong password and the answer's timing does not tell which names exist.
    /// </summary>
    private readonly Lazy<string> _decoy;

    public UserPasswords() => _decoy = new(() => _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hasher.HashPassword(Nobody, password);
    }

    /// <summary>Whether <paramref name="password"/> matches; <paramref name="rehash"/> is a newer-format hash to store, if one is due.</summary>
    public bool Verify(PulseUser user, string password, out string? rehash)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        rehash = null;
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehash = Hash(password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends a verification's time on the decoy hash and fails.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Nobody, _decoy.Value, password ?? string.Empty);
}
