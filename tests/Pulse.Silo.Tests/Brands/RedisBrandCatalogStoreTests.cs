using System.Text.Json;
using Pulse.Grains.Brands;
using Pulse.Silo.Brands;
using Pulse.Silo.Cluster;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Brands;

/// <summary>The catalog store contract against a real redis-server, plus: one hash field per brand, readable JSON.</summary>
public sealed class RedisBrandCatalogStoreTests : BrandCatalogStoreContract, IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private int _clusters;

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

    /// <summary>Each store of a test is a cluster of its own, so tests sharing the server see only their brands.</summary>
    protected override IBrandCatalogStore Create() => Create($"brands-test-{Interlocked.Increment(ref _clusters)}");

    [Fact]
    public async Task Each_brand_is_one_field_of_the_clusters_hash_and_a_write_touches_only_its_brands()
    {
        var store = Create("hash");
        await store.WriteAsync(1, [new BrandDefinition("acme", "Acme", ["acme"], [], []), new BrandDefinition("globex", "Globex", ["globex"], [], [])], []);
        var database = _connection.GetDatabase();
        var globexBefore = await database.HashGetAsync("hash:brands", "globex");

        await store.WriteAsync(2, [new BrandDefinition("acme", "Acme 2", ["acme"], [], [])], []);

        Assert.Equal(2, await database.HashLengthAsync("hash:brands"));
        Assert.Equal("2", await database.StringGetAsync("hash:brands:version"));
        Assert.Equal(globexBefore, await database.HashGetAsync("hash:brands", "globex"));
        using var acme = JsonDocument.Parse((string)(await database.HashGetAsync("hash:brands", "acme"))!);
        Assert.Equal("Acme 2", acme.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_field_that_is_not_a_brand_fails_the_read_naming_it()
    {
        var store = Create("corrupt");
        await store.WriteAsync(1, [new BrandDefinition("acme", "Acme", ["acme"], [], [])], []);
        await _connection.GetDatabase().HashSetAsync("corrupt:brands", "broken", "{not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync());

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }

    private RedisBrandCatalogStore Create(string clusterId) =>
        new(_connection, new RedisClusterOptions { Endpoint = _redis.Endpoint, ClusterId = clusterId });
}
