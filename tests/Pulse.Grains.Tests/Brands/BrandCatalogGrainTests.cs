using Pulse.Grains.Brands;

namespace Pulse.Grains.Tests.Brands;

/// <summary>The catalog grain over the embedded default's store: lookups, imports as one version, and changes since a version.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BrandCatalogGrainTests(ClusterFixture fixture)
{
    private IBrandCatalogGrain Catalog => fixture.Grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);

    [Fact]
    public async Task An_import_is_one_version_and_counts_what_it_created_and_replaced()
    {
        await Catalog.PutAsync(Brand("cat-imp-a", "old"));
        var before = await Catalog.GetVersionAsync();

        var result = await Catalog.ImportAsync([Brand("cat-imp-a", "new"), Brand("cat-imp-b"), Brand("cat-imp-c"), Brand("CAT-IMP-C", "last")]);

        Assert.Equal(new BrandImportResult(Created: 2, Replaced: 1), result);
        Assert.Equal(before + 1, await Catalog.GetVersionAsync());
        Assert.Equal(["new"], (await Catalog.FindAsync("CAT-IMP-A"))!.Keywords);
        Assert.Equal(["last"], (await Catalog.FindAsync("cat-imp-c"))!.Keywords);
        Assert.Null(await Catalog.FindAsync("cat-imp-none"));
        var listed = (await Catalog.GetAsync()).Brands.Select(b => b.Id).Where(id => id.StartsWith("cat-imp", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["cat-imp-a", "cat-imp-b", "CAT-IMP-C"], listed);
    }

    [Fact]
    public async Task Changes_since_a_recent_version_are_the_brands_put_and_the_ids_deleted()
    {
        await Catalog.PutAsync(Brand("cat-chg-a"));
        var known = await Catalog.GetVersionAsync();

        await Catalog.PutAsync(Brand("cat-chg-b"));
        await Catalog.PutAsync(Brand("cat-chg-a", "again"));
        await Catalog.DeleteAsync("cat-chg-b");
        var changes = (await Catalog.GetChangesSinceAsync(known))!;

        Assert.False(changes.IsComplete);
        Assert.Equal(known, changes.Since);
        Assert.Equal(await Catalog.GetVersionAsync(), changes.Version);
        Assert.Equal(["again"], Assert.Single(changes.Upserted).Keywords);
        Assert.Equal(["cat-chg-b"], changes.Deleted);
        Assert.Null(await Catalog.GetChangesSinceAsync(changes.Version));
    }

    [Fact]
    public async Task A_matcher_from_before_a_large_import_gets_the_whole_catalog()
    {
        var known = await Catalog.GetVersionAsync();

        await Catalog.ImportAsync([.. Enumerable.Range(0, BrandChangeLog.MaxIds + 1).Select(i => Brand($"cat-big-{i}"))]);
        var changes = (await Catalog.GetChangesSinceAsync(known))!;

        Assert.True(changes.IsComplete);
        Assert.Equal((await Catalog.GetAsync()).Brands.Length, changes.Upserted.Length);
    }

    [Fact]
    public async Task Seeding_adds_only_brands_the_catalog_does_not_have()
    {
        await Catalog.PutAsync(Brand("cat-seed-a", "edited"));

        var added = await Catalog.AddMissingAsync([Brand("cat-seed-a", "seeded"), Brand("cat-seed-b", "seeded")]);

        Assert.Equal(1, added);
        Assert.Equal(["edited"], (await Catalog.FindAsync("cat-seed-a"))!.Keywords);
        Assert.Equal(["seeded"], (await Catalog.FindAsync("cat-seed-b"))!.Keywords);
    }

    /// <summary>A brand whose keyword is its own id (without dashes) unless given: no other test's mention names it.</summary>
    private static BrandDefinition Brand(string id, string? keyword = null) => new(id, id, [keyword ?? id.Replace("-", "", StringComparison.Ordinal)], [], []);
}
