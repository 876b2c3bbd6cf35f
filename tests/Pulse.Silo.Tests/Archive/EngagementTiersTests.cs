using Pulse.Analytics.Sentiment;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Tests.Archive;

/// <summary>The engagement tier rule, and the tier terms a batch gets from it, without PostgreSQL.</summary>
public sealed class EngagementTiersTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static ScoredMention Scored(string id, string text, long likes, long shares = 0, long comments = 0, string lang = "de") =>
        new(new Mention(id, "x", text, Noon, Lang: lang, Likes: likes, Shares: shares, Comments: comments), "b", 0, SentimentLabel.Neutral, lang);

    [Theory]
    [InlineData(long.MinValue, -1)]
    [InlineData(-5, -1)]
    [InlineData(0, -1)]
    [InlineData(31, -1)]
    [InlineData(32, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(315, 1)]
    [InlineData(316, 2)]
    [InlineData(1_000, 3)]
    [InlineData(99_999_999, 12)]
    [InlineData(1_000_000_000, 15)]
    [InlineData(long.MaxValue, 15)]
    public void A_tier_is_reached_at_its_floor_every_half_order_of_magnitude_from_32_to_a_billion(long engagement, int tier)
    {
        Assert.Equal(tier, EngagementTiers.Reached(engagement));
    }

    [Fact]
    public void Floors_are_the_half_powers_of_ten_rounded()
    {
        Assert.Equal(
            [32L, 100, 316, 1_000, 3_162, 10_000, 31_623, 100_000, 316_228, 1_000_000, 3_162_278, 10_000_000, 31_622_777, 100_000_000, 316_227_766, 1_000_000_000],
            Enumerable.Range(0, EngagementTiers.Count).Select(EngagementTiers.Floor));
    }

    [Fact]
    public void A_tier_term_is_the_floor_a_colon_and_the_term()
    {
        Assert.Equal("1000:stoerung", EngagementTiers.Term(3, "stoerung"));
        Assert.Equal(["32:a", "32:b"], EngagementTiers.Terms(0, ["a", "b"]));
    }

    [Fact]
    public void A_batch_gets_each_term_of_each_mention_once_per_tier_it_reaches_beside_its_words()
    {
        var analyzer = new SearchAnalyzer();
        var batch = new BatchBuilder(analyzer).Build("b", -1, LogPosition.Start,
        [
            Scored("quiet", "Lieferung heute", likes: 20, shares: 6, comments: 5), // 31: no tier
            Scored("loud", "Die Störung dauert", likes: 1_000, shares: 400, comments: 100), // 1 500: 32, 100, 316 and 1 000
            Scored("also", "Störung gemeldet", likes: 32, lang: "en"), // 32: the lowest tier; "stoerung" for it once
        ]);

        var tiered = batch.Tiers;
        Assert.Equal(tiered.Length, tiered.Distinct(StringComparer.Ordinal).Count());
        string[] Terms(string text, string lang)
        {
            var tokens = new List<SearchToken>();
            analyzer.Analyze(text, lang, tokens);
            return [.. tokens.Select(t => t.Term)];
        }

        var loud = Terms("Die Störung dauert", "de");
        var also = Terms("Störung gemeldet", "en");
        Assert.Contains("storung", loud); // the umlaut's alternative spelling is tiered too
        Assert.Equal(
            loud.Union(also).Select(t => EngagementTiers.Term(0, t)).Concat(Enumerable.Range(1, 3).SelectMany(tier => loud.Select(t => EngagementTiers.Term(tier, t))))
                .Order(StringComparer.Ordinal),
            tiered.Order(StringComparer.Ordinal));
        // The words are the analysed terms alone, as before tiers; the tokens point into them.
        Assert.Equal(batch.Terms.Order(StringComparer.Ordinal), Terms("Lieferung heute", "de").Union(loud).Union(also).Order(StringComparer.Ordinal));
        var reader = new BatchBodyReader(batch.Body, batch.FirstAt);
        Assert.True(reader.MoveNext() && reader.MoveNext());
        Assert.True(SearchQuery.Parse("Storung").Compile("de", analyzer).Bind(term => Array.IndexOf(batch.Terms, term)).Matches(reader.Tokens));
    }
}
