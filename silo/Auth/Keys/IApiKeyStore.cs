namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// Where API keys live: in memory for the embedded silo, in Redis in cluster mode so every host knows every key.
/// Revoking deletes the key; a later request with its secret is unknown.
/// </summary>
public interface IApiKeyStore
{
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key whose secret hashes to <paramref name="hash"/>, with its last use; null if none (or revoked).</summary>
    Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>False if no key has that id.</summary>
    Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Records a use; does nothing if the key was revoked meanwhile. Callers throttle it (<see cref="ApiKeyUsage"/>).</summary>
    Task TouchAsync(string hash, DateTimeOffset usedAt, CancellationToken cancellationToken = default);
}
