using Pulse.Grains.Brands;
using Pulse.Grains.Ingest;
using Pulse.Grains.Mentions;
using Pulse.Ingest.Contracts;

namespace Pulse.Grains.Tests.Ingest;

/// <summary>How cluster mode's ingest routes mentions to the log's partitions: by the brands they name.</summary>
public sealed class StreamRoutingTests
{
    private const int Partitions = 8;

    private static readonly CompiledBrands Brands = CompiledBrands.Compile(1,
    [
        new BrandDefinition("route-a", "Zorblat", ["zorblat"], [], []),
        new BrandDefinition("route-b", "Quibber", ["quibber"], [], []),
    ]);

    [Fact]
    public void A_mention_goes_to_its_brands_partition_tagged_with_the_brand()
    {
        var groups = StreamMentionIngestor.Route([Mention("m1", "zorblat ships today")], Brands, Partitions, out var matched);

        var routed = Assert.Single(Assert.Single(groups, g => g is not null)!);
        Assert.Same(groups[IngestPartitions.OfBrand("route-a", Partitions)], groups.Single(g => g is not null));
        Assert.Equal("route-a", routed.Brand);
        Assert.Equal("m1", routed.Id);
        Assert.Equal("m1", Assert.Single(matched).Id);
    }

    [Fact]
    public void A_mention_naming_two_brands_is_logged_once_for_each_and_one_naming_none_not_at_all()
    {
        Assert.NotEqual(IngestPartitions.OfBrand("route-a", Partitions), IngestPartitions.OfBrand("route-b", Partitions));

        var groups = StreamMentionIngestor.Route(
            [Mention("both", "zorblat and quibber merge"), Mention("none", "nothing to see")], Brands, Partitions, out var matched);

        var a = Assert.Single(groups[IngestPartitions.OfBrand("route-a", Partitions)]!);
        var b = Assert.Single(groups[IngestPartitions.OfBrand("route-b", Partitions)]!);
        Assert.Equal(("both", "route-a"), (a.Id, a.Brand));
        Assert.Equal(("both", "route-b"), (b.Id, b.Brand));
        Assert.Equal(2, groups.Count(g => g is not null));
        Assert.Equal("both", Assert.Single(matched).Id); // once, whichever number of brands it names
    }

    [Fact]
    public void A_mention_tagged_with_a_known_brand_goes_to_that_brand_without_matching()
    {
        var groups = StreamMentionIngestor.Route([Mention("t1", "no keyword here") with { Brand = "ROUTE-B" }], Brands, Partitions, out _);

        var routed = Assert.Single(groups[IngestPartitions.OfBrand("route-b", Partitions)]!);
        Assert.Equal("route-b", routed.Brand); // the catalog's spelling
    }

    private static Mention Mention(string id, string text) => new(id, "x", text, DateTimeOffset.UtcNow);
}
