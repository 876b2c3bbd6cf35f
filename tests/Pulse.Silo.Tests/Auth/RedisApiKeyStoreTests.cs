using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Cluster;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Auth;

/// <summary>Cluster mode's key store against a real redis-server: the same behaviour as in memory, and no secret in Redis.</summary>
public sealed class RedisApiKeyStoreTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private RedisApiKeyStore _store = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        _store = new RedisApiKeyStore(_connection, new RedisClusterOptions { Endpoint = _redis.Endpoint, ClusterId = "auth-test" });
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Keys_are_found_by_hash_record_their_use_and_vanish_when_revoked()
    {
        var secret = ApiKeySecret.New();
        var created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var key = new StoredApiKey("k1", "grafana", PulseRole.Viewer, ApiKeySecret.Hash(secret), created) { Brands = ["acme", "globex"] };
        await _store.AddAsync(key);

        Assert.Equal(key, await _store.FindByHashAsync(key.Hash));
        var used = created.AddMinutes(5);
        await _store.TouchAsync(key.Hash, used);
        Assert.Equal(used, (await _store.FindByHashAsync(key.Hash))!.LastUsedAt);
        Assert.Equal([key with { LastUsedAt = used }], await _store.ListAsync());
        await AssertSecretNowhereInRedisAsync(secret);

        Assert.True(await _store.RevokeAsync("k1"));
        Assert.False(await _store.RevokeAsync("k1"));
        Assert.Null(await _store.FindByHashAsync(key.Hash));
        await _store.TouchAsync(key.Hash, used.AddMinutes(1)); // a use racing the revoke
        Assert.Empty(await _store.ListAsync());
        Assert.Empty(_connection.GetServers()[0].Keys(pattern: "auth-test:*"));
    }

    [Fact]
    public async Task Adding_a_second_key_with_the_same_secret_fails()
    {
        var hash = ApiKeySecret.Hash(ApiKeySecret.New());
        await _store.AddAsync(new StoredApiKey("a", "one", PulseRole.Viewer, hash, DateTimeOffset.UnixEpoch));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.AddAsync(new StoredApiKey("b", "two", PulseRole.Admin, hash, DateTimeOffset.UnixEpoch)));
    }

    private async Task AssertSecretNowhereInRedisAsync(string secret)
    {
        var database = _connection.GetDatabase();
        foreach (var redisKey in _connection.GetServers()[0].Keys(pattern: "*"))
        {
            Assert.DoesNotContain(secret, redisKey.ToString(), StringComparison.Ordinal);
            foreach (var entry in await database.HashGetAllAsync(redisKey))
            {
                Assert.DoesNotContain(secret, entry.Name.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(secret, entry.Value.ToString(), StringComparison.Ordinal);
            }
        }
    }
}
