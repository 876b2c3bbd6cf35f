using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Brands;

/// <summary>
/// A silo's matcher follows the catalog change by change: a brand saved is matched by the very next batch without
/// compiling every brand, and past <see cref="BrandMatcherCache.MaxChanges"/> changed brands a new base is compiled in
/// the background without losing a change made meanwhile.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BrandMatcherCacheTests(ClusterFixture fixture)
{
    private IBrandCatalogGrain Catalog => fixture.Grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);

    [Fact]
    public async Task A_brand_saved_is_matched_by_the_next_batch_on_top_of_the_compiled_brands()
    {
        var cache = fixture.MatcherCache;
        await SettledAsync(cache);
        var before = (await cache.CurrentAsync()).ChangeCount;

        await Catalog.PutAsync(Brand("mc-next"));
        var afterPut = await cache.CurrentAsync();
        await Catalog.DeleteAsync("mc-next");
        var afterDelete = await cache.CurrentAsync();

        Assert.Equal(["mc-next"], Match(afterPut, "mcnext is here"));
        Assert.Equal(before + 1, afterPut.ChangeCount); // one brand compiled on top, not every brand again
        Assert.Empty(Match(afterDelete, "mcnext is here"));
    }

    [Fact]
    public async Task Past_the_bound_a_new_base_is_compiled_and_changes_made_meanwhile_are_kept()
    {
        var cache = fixture.MatcherCache;
        await SettledAsync(cache);
        const int batch = BrandMatcherCache.MaxChanges * 3 / 5;

        await Catalog.ImportAsync([.. Enumerable.Range(0, batch).Select(i => Brand($"mc-one-{i}"))]);
        await cache.CurrentAsync();
        await Catalog.ImportAsync([.. Enumerable.Range(0, batch).Select(i => Brand($"mc-two-{i}"))]);
        var overflowing = await cache.CurrentAsync();
        await Catalog.PutAsync(Brand("mc-late"));
        await Catalog.DeleteAsync("mc-one-0");
        await cache.CurrentAsync();
        await SettledAsync(cache);
        var rebuilt = await cache.CurrentAsync();

        Assert.True(overflowing.ChangeCount > BrandMatcherCache.MaxChanges, $"{overflowing.ChangeCount} changes on top");
        Assert.True(rebuilt.ChangeCount <= 2, $"{rebuilt.ChangeCount} changes on top after the rebuild");
        Assert.Equal(["mc-one-1"], Match(rebuilt, "mcone1"));
        Assert.Equal([$"mc-two-{batch - 1}"], Match(rebuilt, $"mctwo{batch - 1}"));
        Assert.Equal(["mc-late"], Match(rebuilt, "mclate"));
        Assert.Empty(Match(rebuilt, "mcone0"));
    }

    /// <summary>Up to date with the catalog, and no rebuild running (one may start another as it ends).</summary>
    private static async Task SettledAsync(BrandMatcherCache cache)
    {
        await cache.CurrentAsync();
        Task running;
        do
        {
            running = cache.Rebuilding;
            await running;
        }
        while (!ReferenceEquals(running, cache.Rebuilding));
    }

    private static List<string> Match(CompiledBrands brands, string text)
    {
        var matched = new List<string>();
        brands.Match(new Mention("m", "x", text, DateTimeOffset.UtcNow), matched);
        return matched;
    }

    private static BrandDefinition Brand(string id) => new(id, id, [id.Replace("-", "", StringComparison.Ordinal)], [], []);
}
