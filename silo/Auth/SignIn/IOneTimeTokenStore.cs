namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// One-time sign-in tokens by their hash: in memory for the embedded silo, in Redis in cluster mode, so a link printed
/// by one host works on whichever host the browser reaches, and only once across all of them.
/// </summary>
public interface IOneTimeTokenStore
{
    Task AddAsync(string hash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Removes the token and says whether it was there and unexpired at <paramref name="now"/>: true once at most.</summary>
    Task<bool> TryConsumeAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken = default);
}
