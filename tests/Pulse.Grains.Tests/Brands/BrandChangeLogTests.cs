using Pulse.Grains.Brands;

namespace Pulse.Grains.Tests.Brands;

public sealed class BrandChangeLogTests
{
    [Fact]
    public void It_tells_the_ids_changed_since_any_version_it_reaches_back_to()
    {
        var log = new BrandChangeLog(version: 10);
        log.Add(11, ["a", "b"]);
        log.Add(12, ["B", "c"]);

        Assert.Equal(["a", "b", "c"], log.ChangedSince(10, current: 12)!.Order(StringComparer.Ordinal));
        Assert.Equal(["B", "c"], log.ChangedSince(11, current: 12)!.Order(StringComparer.Ordinal));
        Assert.Empty(log.ChangedSince(12, current: 12)!);
        Assert.Null(log.ChangedSince(9, current: 12));
        Assert.Null(log.ChangedSince(13, current: 12)); // a version from another catalog (a store that started over)
    }

    [Fact]
    public void Past_its_bound_it_forgets_the_oldest_versions()
    {
        var log = new BrandChangeLog(version: 0);
        var half = BrandChangeLog.MaxIds / 2;
        log.Add(1, Ids("x", half));
        log.Add(2, Ids("y", half));
        Assert.Equal(0, log.Oldest);

        log.Add(3, ["z"]);

        Assert.Equal(1, log.Oldest);
        Assert.Null(log.ChangedSince(0, current: 3));
        Assert.Equal(half + 1, log.ChangedSince(1, current: 3)!.Count);
    }

    [Fact]
    public void A_change_larger_than_the_bound_leaves_only_the_versions_after_it()
    {
        var log = new BrandChangeLog(version: 0);
        log.Add(1, ["a"]);

        log.Add(2, Ids("import", BrandChangeLog.MaxIds + 1));
        log.Add(3, ["b"]);

        Assert.Null(log.ChangedSince(1, current: 3));
        Assert.Equal(["b"], log.ChangedSince(2, current: 3));
    }

    private static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];
}
