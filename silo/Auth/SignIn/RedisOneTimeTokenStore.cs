using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// Cluster mode's one-time tokens: <c>{ClusterId}:auth:once:{sha256}</c> holds the expiry (Unix ms) and expires with
/// it; GETDEL consumes it atomically, so two hosts redeeming one link at once let only one in.
/// </summary>
internal sealed class RedisOneTimeTokenStore(IConnectionMultiplexer redis, RedisClusterOptions options) : IOneTimeTokenStore
{
    public async Task AddAsync(string hash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().StringSetAsync(Key(hash), expiresAt.ToUnixTimeMilliseconds(), expiry: OneTimeToken.Lifetime)
            .WaitAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryConsumeAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var expiresAt = await redis.GetDatabase().StringGetDeleteAsync(Key(hash)).WaitAsync(cancellationToken).ConfigureAwait(false);
        // Redis's own expiry may lag by a moment; the stored time is the rule.
        return !expiresAt.IsNull && DateTimeOffset.FromUnixTimeMilliseconds((long)expiresAt) > now;
    }

    private RedisKey Key(string hash) => $"{options.ClusterId}:auth:once:{hash}";
}
