using System.Text.Json;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth.Users;

/// <summary>
/// Cluster mode's accounts, shared by every host: the hash <c>{ClusterId}:auth:users</c> maps a name to the account's
/// JSON (with the password hash, never the password); <c>…:users:failures</c> (consecutive failed sign-ins) and
/// <c>…:users:locked</c> (lockout end, Unix ms) are kept apart, so counting a failure never rewrites the account and
/// a Lua script counts and locks in one step on whichever host the attempts arrive.
/// </summary>
internal sealed class RedisUserStore(IConnectionMultiplexer redis, RedisClusterOptions options) : IPulseUserStore
{
    // KEYS: users, failures, locked. ARGV: name, max failures, lockout end (Unix ms).
    // Returns -1 for no such account, else the count reached; at the maximum the account is locked and the count reset.
    private static readonly LuaScript RecordFailureScript = LuaScript.Prepare("""
        if redis.call('HEXISTS', @users, @name) == 0 then return -1 end
        local failures = redis.call('HINCRBY', @failures, @name, 1)
        if failures >= tonumber(@max) then
          redis.call('HDEL', @failures, @name)
          redis.call('HSET', @locked, @name, @until)
        end
        return failures
        """);

    private readonly RedisKey _users = $"{options.ClusterId}:auth:users";
    private readonly RedisKey _failures = $"{options.ClusterId}:auth:users:failures";
    private readonly RedisKey _locked = $"{options.ClusterId}:auth:users:locked";

    public async Task<bool> AddAsync(PulseUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(_users, user.Name));
        _ = transaction.HashSetAsync(_users, user.Name, Serialize(user));
        _ = transaction.HashDeleteAsync(_failures, user.Name); // a former account's leftovers do not carry over
        _ = transaction.HashDeleteAsync(_locked, user.Name);
        return await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PulseUser?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var json = batch.HashGetAsync(_users, name);
        var failures = batch.HashGetAsync(_failures, name);
        var locked = batch.HashGetAsync(_locked, name);
        batch.Execute();
        var value = await json.WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : Deserialize(value!, await failures.ConfigureAwait(false), await locked.ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<PulseUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var users = await database.HashGetAllAsync(_users).WaitAsync(cancellationToken).ConfigureAwait(false);
        var failures = (await database.HashGetAllAsync(_failures).WaitAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => e.Value);
        var locked = (await database.HashGetAllAsync(_locked).WaitAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => e.Value);
        return [.. users
            .Select(e => Deserialize(e.Value!, failures.GetValueOrDefault((string)e.Name!), locked.GetValueOrDefault((string)e.Name!)))
            .OrderBy(u => u.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().HashLengthAsync(_users).WaitAsync(cancellationToken).ConfigureAwait(false) > 0;

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        var deleted = transaction.HashDeleteAsync(_users, name);
        _ = transaction.HashDeleteAsync(_failures, name);
        _ = transaction.HashDeleteAsync(_locked, name);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await deleted.ConfigureAwait(false);
    }

    public async Task<SignInFailure?> RecordFailureAsync(string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lockedUntil = now + UserLockout.Duration;
        var result = await redis.GetDatabase().ScriptEvaluateAsync(RecordFailureScript, new
        {
            users = _users,
            failures = _failures,
            locked = _locked,
            name,
            max = UserLockout.MaxFailures,
            until = lockedUntil.ToUnixTimeMilliseconds(),
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        var failures = (int)result;
        return failures < 0 ? null : new SignInFailure(failures, failures >= UserLockout.MaxFailures ? lockedUntil : null);
    }

    public async Task RecordSuccessAsync(string name, CancellationToken cancellationToken = default)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashDeleteAsync(_failures, name);
        _ = transaction.HashDeleteAsync(_locked, name);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var json = await database.HashGetAsync(_users, name).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (json.IsNull)
        {
            return;
        }

        // Only over the value read: a concurrent delete or re-creation wins, and the rehash is simply not kept.
        var user = Deserialize(json!, RedisValue.Null, RedisValue.Null) with { PasswordHash = passwordHash };
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(_users, name, json));
        _ = transaction.HashSetAsync(_users, name, Serialize(user));
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Serialize(PulseUser user) =>
        JsonSerializer.Serialize(new RedisUser(user.Name, PulseRoleNames.Of(user.Role), [.. user.Brands], user.PasswordHash, user.CreatedAt));

    private static PulseUser Deserialize(string json, RedisValue failures, RedisValue locked)
    {
        var stored = JsonSerializer.Deserialize<RedisUser>(json) ?? throw new InvalidDataException("A user in Redis is null.");
        if (!PulseRoleNames.TryParse(stored.Role, out var role))
        {
            throw new InvalidDataException($"User '{stored.Name}' in Redis has an unknown role '{stored.Role}'.");
        }

        return new PulseUser(stored.Name, role, stored.Brands ?? [], stored.PasswordHash, stored.CreatedAt)
        {
            FailedSignIns = failures.IsNull ? 0 : (int)failures,
            LockedUntil = locked.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)locked),
        };
    }

    /// <summary>The stored JSON, role by name so the data reads the same in redis-cli as in the API.</summary>
    private sealed record RedisUser(string Name, string Role, string[]? Brands, string PasswordHash, DateTimeOffset CreatedAt);
}
