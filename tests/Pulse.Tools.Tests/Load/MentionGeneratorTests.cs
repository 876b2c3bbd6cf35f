using System.Text;
using System.Text.Json;
using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

public sealed class MentionGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly LoadBrand[] Brands = LoadBrands.Generate(1000, seed: 42);
    private static readonly MentionPool Pool = MentionPool.Create(Brands, seed: 42, size: 4096);

    private static byte[] Batch(MentionPool pool, int count, bool jsonArray, string run = "ltest")
    {
        var ids = new MentionIds(run);
        var batch = new LoadBatch(jsonArray);
        var id = new char[MentionIds.MaxLength];
        batch.Begin(Now);
        for (var i = 0; i < count; i++)
        {
            batch.Add(ids.Format(i, id), pool[i]);
        }

        return batch.Complete().ToArray();
    }

    private static JsonElement[] Lines(byte[] ndjson) =>
        [.. Encoding.UTF8.GetString(ndjson).Split('\n').Select(line => JsonDocument.Parse(line).RootElement)];

    [Fact]
    public void The_same_seed_generates_the_same_brands_and_mentions()
    {
        var again = MentionPool.Create(LoadBrands.Generate(1000, seed: 42), seed: 42, size: 4096);

        Assert.Equal(Brands, LoadBrands.Generate(1000, seed: 42));
        Assert.Equal(Batch(Pool, 500, jsonArray: false), Batch(again, 500, jsonArray: false));
        Assert.NotEqual(Batch(Pool, 500, jsonArray: false), Batch(MentionPool.Create(Brands, seed: 43, size: 4096), 500, jsonArray: false));
    }

    [Fact]
    public void Brands_have_unique_ids_and_keywords_apart_from_the_probe_brands()
    {
        var all = Brands.Concat(LoadBrands.Probes()).ToArray();

        Assert.Equal(all.Length, all.Select(b => b.Id).Distinct().Count());
        Assert.Equal(all.Length, all.Select(b => b.Keyword).Distinct().Count());
        Assert.All(all, b => Assert.StartsWith(ProcessedReader.BrandPrefix, b.Id, StringComparison.Ordinal));
        Assert.Equal(5000, LoadBrands.Generate(5000, seed: 1).Select(b => b.Keyword).Distinct().Count());
    }

    [Fact]
    public void Each_mention_names_its_brand_and_no_other()
    {
        var lines = Lines(Batch(Pool, 2000, jsonArray: false));

        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].GetProperty("text").GetString()!.ToLowerInvariant();
            var named = Brands.Where(b => text.Contains(b.Keyword, StringComparison.Ordinal)).ToArray();
            Assert.Equal([Brands[Pool[i].BrandIndex]], named);
        }
    }

    [Fact]
    public void Both_languages_all_channels_hashtags_and_handles_occur()
    {
        var lines = Lines(Batch(Pool, 4096, jsonArray: false));
        var texts = lines.Select(l => l.GetProperty("text").GetString()!).ToArray();

        Assert.Equal(["de", "en"], lines.Select(l => l.GetProperty("lang").GetString()).Distinct().Order());
        Assert.Equal(["blogs", "bluesky", "forums", "mastodon", "news", "reddit", "reviews", "x"], lines.Select(l => l.GetProperty("channel").GetString()).Distinct().Order());
        Assert.Contains(texts, t => t.Contains(" von ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(" from ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains('#', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public void Engagement_is_heavy_tailed()
    {
        var likes = Enumerable.Range(0, Pool.Count).Select(i => Pool[i].Likes).Order().ToArray();
        var median = likes[likes.Length / 2];
        var top = likes[^(likes.Length / 100)..]; // the top 1 %

        Assert.True(likes[^1] >= 100 * Math.Max(median, 1), $"max {likes[^1]}, median {median}");
        Assert.True(top.Sum() > 0.2 * likes.Sum(), $"top 1 % hold {top.Sum()} of {likes.Sum()} likes");
    }

    [Fact]
    public void Brand_popularity_is_zipf_like()
    {
        var perBrand = Enumerable.Range(0, Pool.Count).GroupBy(i => Pool[i].BrandIndex).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(perBrand[0] > 5 * perBrand.GetValueOrDefault(9), "the top brand is far louder than the tenth");
        Assert.True(perBrand.Count > 300, $"the long tail is present: {perBrand.Count} brands of 1000 in 4096 mentions");
    }

    [Fact]
    public void Ids_are_unique_per_run()
    {
        var first = MentionIds.ForNow(TimeProvider.System);
        var id = new char[MentionIds.MaxLength];

        Assert.NotEqual(new MentionIds("la").Format(1, id).ToString(), new MentionIds("lb").Format(1, id).ToString());
        Assert.NotEqual(first.Format(1, id).ToString(), first.Format(2, id).ToString());
        Assert.NotEqual(first.Probe(1), first.Format(1, id).ToString());
    }
}
