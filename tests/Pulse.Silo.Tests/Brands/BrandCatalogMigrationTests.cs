using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Pulse.Grains;
using Pulse.Grains.Brands;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Brands;

/// <summary>
/// A cluster whose catalog an older Pulse kept as one grain-state record comes up with its brands: the catalog grain
/// copies them once into the Redis hash (at their version) and removes the old record.
/// </summary>
public sealed class BrandCatalogMigrationTests : IAsyncLifetime
{
    private const string ClusterId = "migrate";
    private RedisServer _redis = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _host = await RunningHost.StartAsync(
        [
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            $"--Pulse:Redis:Endpoint={_redis.Endpoint}",
            $"--Pulse:Redis:ClusterId={ClusterId}",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Brands_in_the_old_grain_state_move_to_the_brand_hash_once()
    {
        var catalog = _host.Grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);
        var storage = _host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Pulse);
        var legacy = new BrandCatalogState { Version = 41 };
        legacy.Brands["old-acme"] = new BrandDefinition("old-acme", "Old Acme", ["oldacme"], [], []);
        legacy.Brands["old-globex"] = new BrandDefinition("old-globex", "Old Globex", ["oldglobex"], ["#oldglobex"], []);
        await storage.WriteStateAsync("brands", catalog.GetGrainId(), new GrainState<BrandCatalogState>(legacy));

        // The catalog came up empty with the host; as it comes up again it finds the old record.
        Assert.Null(await catalog.FindAsync("old-acme"));
        await catalog.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var migrated = await Eventually.GetAsync(() => catalog.FindAsync("old-acme"), b => b is not null);

        Assert.Equal("Old Acme", migrated!.Name);
        Assert.Equal(41, await catalog.GetVersionAsync());
        var listed = await _host.Http.GetFromJsonAsync<JsonElement>("/api/brands");
        Assert.Equal(["old-acme", "old-globex"], listed.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        Assert.Equal(2, await redis.GetDatabase().HashLengthAsync($"{ClusterId}:brands"));
        Assert.Equal("41", await redis.GetDatabase().StringGetAsync($"{ClusterId}:brands:version"));
        var left = new GrainState<BrandCatalogState>();
        await storage.ReadStateAsync("brands", catalog.GetGrainId(), left);
        Assert.False(left.RecordExists);

        // From now on the hash is the catalog: a change is the next version, and the old record stays gone.
        (await _host.Http.PutAsJsonAsync("/api/brands/new-brand", new { keywords = new[] { "newbrand" } })).EnsureSuccessStatusCode();
        Assert.Equal(42, await catalog.GetVersionAsync());
        Assert.Equal(3, await redis.GetDatabase().HashLengthAsync($"{ClusterId}:brands"));
    }
}
