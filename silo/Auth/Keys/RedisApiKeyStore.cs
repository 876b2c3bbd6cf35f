using System.Text.Json;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// Cluster mode's keys, shared by every host: the hash <c>{ClusterId}:auth:keys</c> maps a secret's SHA-256 to the key's
/// JSON (one HGET per request), and <c>{ClusterId}:auth:keys:used</c> maps it to the last use in Unix milliseconds, kept
/// apart so recording a use never rewrites (or races with) the key itself.
/// </summary>
internal sealed class RedisApiKeyStore(IConnectionMultiplexer redis, RedisClusterOptions options) : IApiKeyStore
{
    private readonly RedisKey _keys = $"{options.ClusterId}:auth:keys";
    private readonly RedisKey _used = $"{options.ClusterId}:auth:keys:used";

    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var added = await redis.GetDatabase().HashSetAsync(_keys, key.Hash, Serialize(key), When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!added)
        {
            throw new InvalidOperationException("A key with this secret already exists.");
        }
    }

    public async Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken = default)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var json = batch.HashGetAsync(_keys, hash);
        var used = batch.HashGetAsync(_used, hash);
        batch.Execute();
        var value = await json.WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : Deserialize(value!, await used.WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var keys = await database.HashGetAllAsync(_keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        var used = (await database.HashGetAllAsync(_used).WaitAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => e.Value);
        return [.. keys.Select(e => Deserialize(e.Value!, used.GetValueOrDefault((string)e.Name!))).OrderBy(k => k.CreatedAt)];
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        // A scan of all keys: there are tens, not millions, and revoking is rare.
        var key = (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Id == id);
        if (key is null)
        {
            return false;
        }

        var transaction = redis.GetDatabase().CreateTransaction();
        var deleted = transaction.HashDeleteAsync(_keys, key.Hash);
        _ = transaction.HashDeleteAsync(_used, key.Hash);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await deleted.ConfigureAwait(false);
    }

    public async Task TouchAsync(string hash, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        // Conditional, so a use racing a revoke leaves no orphaned entry behind.
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashExists(_keys, hash));
        _ = transaction.HashSetAsync(_used, hash, usedAt.ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Serialize(StoredApiKey key) =>
        JsonSerializer.Serialize(new RedisApiKey(key.Id, key.Name, PulseRoleNames.Of(key.Role), key.Hash, key.CreatedAt, [.. key.Brands]));

    private static StoredApiKey Deserialize(string json, RedisValue used)
    {
        var stored = JsonSerializer.Deserialize<RedisApiKey>(json) ?? throw new InvalidDataException("An API key in Redis is null.");
        if (!PulseRoleNames.TryParse(stored.Role, out var role))
        {
            throw new InvalidDataException($"API key {stored.Id} in Redis has an unknown role '{stored.Role}'.");
        }

        DateTimeOffset? lastUsed = used.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)used);
        return new StoredApiKey(stored.Id, stored.Name, role, stored.Hash, stored.CreatedAt, lastUsed) { Brands = stored.Brands ?? [] };
    }

    /// <summary>
    /// The stored JSON, role by name so the data reads the same in redis-cli as in the API. <see cref="Brands"/> is null in
    /// keys stored before teams: every brand, as they had.
    /// </summary>
    private sealed record RedisApiKey(string Id, string Name, string Role, string Hash, DateTimeOffset CreatedAt, string[]? Brands);
}
