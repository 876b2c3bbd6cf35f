using System.Collections.Concurrent;

namespace Pulse.Silo.Auth.Keys;

/// <summary>The embedded silo's keys: gone when the process ends, like the rest of its in-memory state.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, StoredApiKey> _byHash = new(StringComparer.Ordinal);

    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_byHash.TryAdd(key.Hash, key))
        {
            throw new InvalidOperationException("A key with this secret already exists.");
        }

        return Task.CompletedTask;
    }

    public Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byHash.GetValueOrDefault(hash));

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredApiKey>>([.. _byHash.Values.OrderBy(k => k.CreatedAt)]);

    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = _byHash.Values.FirstOrDefault(k => k.Id == id);
        return Task.FromResult(found is not null && _byHash.TryRemove(found.Hash, out _));
    }

    public Task TouchAsync(string hash, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        // Only replaces the key it read, so a concurrent revoke is never undone.
        if (_byHash.TryGetValue(hash, out var key))
        {
            _byHash.TryUpdate(hash, key with { LastUsedAt = usedAt }, key);
        }

        return Task.CompletedTask;
    }
}
