namespace Pulse.Silo.Auth.SignIn;

/// <summary>Issues and redeems one-time sign-in tokens (<see cref="OneTimeToken"/>).</summary>
public sealed class OneTimeSignInLinks(IOneTimeTokenStore store, TimeProvider clock)
{
    public const string Route = "/auth/once";

    /// <summary>A new token (the only time it exists in clear) and when it expires.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(CancellationToken cancellationToken = default)
    {
        var token = OneTimeToken.New();
        var expiresAt = clock.GetUtcNow() + OneTimeToken.Lifetime;
        await store.AddAsync(OneTimeToken.Hash(token), expiresAt, cancellationToken).ConfigureAwait(false);
        return (token, expiresAt);
    }

    /// <summary>True once for a token issued less than <see cref="OneTimeToken.Lifetime"/> ago; false for anything else.</summary>
    public Task<bool> RedeemAsync(string? token, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(token) || token.Length > 100
            ? Task.FromResult(false)
            : store.TryConsumeAsync(OneTimeToken.Hash(token), clock.GetUtcNow(), cancellationToken);

    /// <summary>The link to print: <paramref name="baseAddress"/> (the host's own) + <see cref="Route"/>?token=….</summary>
    public static string Link(Uri baseAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new Uri(baseAddress, $"{Route}?token={Uri.EscapeDataString(token)}").ToString();
    }
}
