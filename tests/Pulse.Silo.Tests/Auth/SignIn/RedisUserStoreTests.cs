using Pulse.Silo.Auth.Users;
using Pulse.Silo.Cluster;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>The store contract against a real redis-server, and no password anywhere in Redis.</summary>
public sealed class RedisUserStoreTests : UserStoreContract, IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    protected override IPulseUserStore Store => new RedisUserStore(_connection, new RedisClusterOptions { Endpoint = _redis.Endpoint, ClusterId = "users-test" });

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task No_password_is_anywhere_in_Redis()
    {
        await CreateAsync("hank");
        Assert.IsType<SignInCheck.Failed>(await new PasswordSignIn(Store, new UserPasswords(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PasswordSignIn>.Instance)
            .CheckAsync("hank", "another secret phrase"));

        var server = _connection.GetServers()[0];
        var database = _connection.GetDatabase();
        var keys = server.Keys(pattern: "*").ToArray();
        Assert.Contains(keys, k => k == "users-test:auth:users");
        foreach (var key in keys)
        {
            var dump = string.Join("\n", (await database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}"));
            Assert.DoesNotContain(Password, dump, StringComparison.Ordinal);
            Assert.DoesNotContain("another secret phrase", dump, StringComparison.Ordinal);
        }

        Assert.True(await Store.DeleteAsync("hank"));
        Assert.Empty(server.Keys(pattern: "users-test:*"));
    }
}
