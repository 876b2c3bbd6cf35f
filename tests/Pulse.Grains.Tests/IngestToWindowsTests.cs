using Pulse.Grains.Brands;
using Pulse.Grains.Ingest;
using Pulse.Grains.Mentions;
using Pulse.Ingest.Contracts;
using Pulse.Grains.Stats;
using Pulse.Testing;

namespace Pulse.Grains.Tests;

/// <summary>From the ingest stream through matching and scoring to the (brand, channel) windows, in one silo.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IngestToWindowsTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Matched_mentions_are_counted_per_channel_with_their_sentiment()
    {
        var brand = await AddBrandAsync("acme-a", keywords: ["acme"]);
        await fixture.Ingestor.IngestAsync(
        [
            NewMention("a1", "x", "I love Acme, great and wonderful service"),
            NewMention("a2", "x", "Acme is terrible, awful, I hate it"),
            NewMention("a3", "reddit", "acme shipped a new version today"),
        ]);

        var stats = await StatsWhenAsync(brand, s => s.Total.Count == 3);

        Assert.Equal(3, stats.Total.Count);
        Assert.Equal(2, Channel(stats, "x").Count);
        Assert.Equal(1, Channel(stats, "reddit").Count);
        Assert.Equal(1, Channel(stats, "x").Positive);
        Assert.Equal(1, Channel(stats, "x").Negative);
    }

    [Fact]
    public async Task A_mention_id_seen_again_is_counted_once()
    {
        var brand = await AddBrandAsync("acme-dup", keywords: ["acmedup"]);
        var mention = NewMention("dup-1", "bluesky", "acmedup again");
        await fixture.Ingestor.IngestAsync([mention, mention]);
        await fixture.Ingestor.IngestAsync([mention, NewMention("dup-2", "bluesky", "acmedup once more")]);

        var stats = await StatsWhenAsync(brand, s => s.Total.Count >= 2);
        await Task.Delay(500); // give a wrongly double-counted duplicate time to show up
        stats = await fixture.Grains.GetGrain<IBrandGrain>(brand).GetStatsAsync(Minute, "1m");

        Assert.Equal(2, stats.Total.Count);
    }

    [Fact]
    public async Task A_mention_matching_two_brands_counts_for_both_and_an_unmatched_one_for_none()
    {
        var first = await AddBrandAsync("two-a", keywords: ["zorblat"]);
        var second = await AddBrandAsync("two-b", keywords: ["quibber"]);
        // The embedded ingestor routes by brand: these two are owned by different partitions, so the mention goes to both.
        Assert.NotEqual(IngestPartitions.OfBrand(first, 8), IngestPartitions.OfBrand(second, 8));
        await fixture.Ingestor.IngestAsync(
        [
            NewMention("both-1", "news", "zorblat and quibber announce a merger"),
            NewMention("none-1", "news", "nothing about anyone here"),
        ]);

        var a = await StatsWhenAsync(first, s => s.Total.Count == 1);
        var b = await StatsWhenAsync(second, s => s.Total.Count == 1);

        Assert.Equal(1, a.Total.Count);
        Assert.Equal(1, b.Total.Count);
    }

    [Fact]
    public async Task A_mention_tagged_with_a_known_brand_skips_matching()
    {
        var brand = await AddBrandAsync("tagged", keywords: ["neverinthetext"]);
        await fixture.Ingestor.IngestAsync([NewMention("tag-1", "forums", "no keyword at all") with { Brand = "tagged" }]);

        var stats = await StatsWhenAsync(brand, s => s.Total.Count == 1);

        Assert.Equal(1, Channel(stats, "forums").Count);
    }

    [Fact]
    public async Task Engagement_sums_and_the_latest_mentions_are_kept()
    {
        var brand = await AddBrandAsync("engage", keywords: ["engagebrand"]);
        await fixture.Ingestor.IngestAsync(
        [
            NewMention("e1", "x", "engagebrand first") with { Likes = 10, Shares = 2, Comments = 1, Reach = 1000 },
            NewMention("e2", "x", "engagebrand second") with { Likes = 5, Reach = 50, Timestamp = DateTimeOffset.UtcNow.AddSeconds(1) },
        ]);

        var stats = await StatsWhenAsync(brand, s => s.Total.Count == 2);
        var latest = await fixture.Grains.GetGrain<IBrandGrain>(brand).GetLatestAsync(10);

        Assert.Equal(15, stats.Total.Likes);
        Assert.Equal(2, stats.Total.Shares);
        Assert.Equal(1050, stats.Total.Reach);
        Assert.Equal(["e2", "e1"], latest.Select(m => m.Id));
    }

    [Fact]
    public async Task Engagement_on_a_post_reaches_the_brands_the_post_names_as_engagement_only()
    {
        var first = await AddBrandAsync("eng-a", keywords: ["flarnix"]);
        var second = await AddBrandAsync("eng-b", keywords: ["glimmet"]);
        const string Text = "flarnix and glimmet, a terrible awful day";
        var outcome = await fixture.Ingestor.IngestAsync([NewMention("eng-post", "bluesky", Text), NewMention("eng-other", "bluesky", "nobody here")]);
        Assert.Equal(["eng-post"], outcome.MatchedMentions.Select(m => m.Id));

        var like = NewMention("eng-like", "bluesky", Text) with { Likes = 1, EngagementOf = "eng-post" };
        await fixture.Ingestor.IngestAsync([like, NewMention("eng-repost", "bluesky", Text) with { Shares = 1, EngagementOf = "eng-post" }]);
        await fixture.Ingestor.IngestAsync([like]); // a replayed like

        foreach (var brand in new[] { first, second })
        {
            var stats = await StatsWhenAsync(brand, s => s.Total.Likes == 1 && s.Total.Shares == 1);
            await Task.Delay(300); // give a wrongly double-counted like time to show up
            stats = await fixture.Grains.GetGrain<IBrandGrain>(brand).GetStatsAsync(Minute, "1m");
            Assert.Equal((1, 1L, 1L), (stats.Total.Count, stats.Total.Likes, stats.Total.Shares));
            Assert.Equal(1, Channel(stats, "bluesky").Negative); // the likes add no sentiment of the post's text again
        }
    }

    [Fact]
    public async Task A_late_mention_lands_in_the_bucket_of_its_own_time()
    {
        var brand = await AddBrandAsync("late", keywords: ["latebrand"]);
        var now = DateTimeOffset.UtcNow;
        await fixture.Ingestor.IngestAsync([NewMention("l1", "x", "latebrand now") with { Timestamp = now }]);
        await fixture.Ingestor.IngestAsync([NewMention("l2", "x", "latebrand earlier") with { Timestamp = now.AddMinutes(-3) }]);

        await StatsWhenAsync(brand, s => s.Total.Count == 2, TimeSpan.FromMinutes(5));
        var series = await fixture.Grains.GetGrain<IBrandGrain>(brand).GetSeriesAsync(Minute, "1m", 5);
        var x = series.Channels.Single(c => c.Channel == "x");
        int IndexOf(DateTimeOffset t) => (int)Math.Floor((t - series.Start) / Minute);

        Assert.Equal(2, x.Count.Sum());
        Assert.Equal(1, x.Count[IndexOf(now.AddMinutes(-3))]);
        Assert.Equal(1, x.Count[IndexOf(now)]);
    }

    private async Task<string> AddBrandAsync(string id, string[] keywords)
    {
        await fixture.Grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).PutAsync(new BrandDefinition(id, id, keywords, [], []));
        return id;
    }

    private Task<BrandStats> StatsWhenAsync(string brand, Func<BrandStats, bool> done, TimeSpan? window = null) =>
        Eventually.GetAsync(() => fixture.Grains.GetGrain<IBrandGrain>(brand).GetStatsAsync(window ?? Minute, "1m"), done);

    private static ChannelStats Channel(BrandStats stats, string channel) => stats.Channels.Single(c => c.Channel == channel);

    private static Mention NewMention(string id, string channel, string text) =>
        new(id, channel, text, DateTimeOffset.UtcNow);
}
