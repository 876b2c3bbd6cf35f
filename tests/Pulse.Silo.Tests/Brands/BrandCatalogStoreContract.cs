using Pulse.Grains.Brands;

namespace Pulse.Silo.Tests.Brands;

/// <summary>
/// What every brand catalog store must do, run against memory and a real Redis: nothing until written, then each brand
/// and the version as last written, deletes before puts in one write, and an import-sized write in one piece.
/// </summary>
public abstract class BrandCatalogStoreContract
{
    protected abstract IBrandCatalogStore Create();

    [Fact]
    public async Task A_store_never_written_has_no_catalog()
    {
        Assert.Null(await Create().ReadAsync());
    }

    [Fact]
    public async Task Brands_come_back_as_written_with_the_version()
    {
        var store = Create();
        var full = new BrandDefinition("acme", "Acme Inc.", ["acme", "acme*"], ["#acme"], ["@acme"], "acme AND NOT pie", ["acme pie"], ["@spam"]);
        var bare = new BrandDefinition("globex", "Globex", ["globex"], [], []);

        await store.WriteAsync(1, [full, bare], []);
        await store.WriteAsync(2, [bare with { Name = "Globex Corp" }], []);
        var read = (await store.ReadAsync())!;

        Assert.Equal(2, read.Version);
        var byId = read.Brands.ToDictionary(b => b.Id);
        Assert.Equal(["acme", "globex"], byId.Keys.Order(StringComparer.Ordinal));
        AssertSame(full, byId["acme"]);
        Assert.Equal("Globex Corp", byId["globex"].Name);
    }

    [Fact]
    public async Task A_write_removes_its_deleted_ids_before_it_stores_its_brands()
    {
        var store = Create();
        await store.WriteAsync(1, [Brand("a"), Brand("b"), Brand("Old-Spelling")], []);

        await store.WriteAsync(2, [Brand("old-spelling")], ["b", "Old-Spelling", "never-there"]);
        var read = (await store.ReadAsync())!;

        Assert.Equal(2, read.Version);
        Assert.Equal(["a", "old-spelling"], read.Brands.Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_import_of_twenty_five_thousand_brands_is_stored_and_read_back_whole()
    {
        var store = Create();
        var brands = Enumerable.Range(0, 25_000).Select(i => Brand($"load-{i:00000}")).ToArray();

        await store.WriteAsync(7, brands, []);
        var read = (await store.ReadAsync())!;

        Assert.Equal(7, read.Version);
        Assert.Equal(brands.Select(b => b.Id), read.Brands.Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    private static BrandDefinition Brand(string id) => new(id, id, [id.Replace("-", "", StringComparison.Ordinal)], [], []);

    private static void AssertSame(BrandDefinition expected, BrandDefinition actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.Hashtags, actual.Hashtags);
        Assert.Equal(expected.Handles, actual.Handles);
        Assert.Equal(expected.Query, actual.Query);
        Assert.Equal(expected.Exclude, actual.Exclude);
        Assert.Equal(expected.ExcludeAuthors, actual.ExcludeAuthors);
    }
}

public sealed class InMemoryBrandCatalogStoreTests : BrandCatalogStoreContract
{
    protected override IBrandCatalogStore Create() => new InMemoryBrandCatalogStore();
}
