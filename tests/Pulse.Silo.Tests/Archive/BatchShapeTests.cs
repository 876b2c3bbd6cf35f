using Pulse.Analytics.Sentiment;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Archive;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive.Batches;
using Pulse.Silo.Archive.Search;

namespace Pulse.Silo.Tests.Archive;

/// <summary>The archive's batches without PostgreSQL: packing, grouping, replays, rollups and result order.</summary>
public sealed class BatchShapeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static ScoredMention Scored(string id, string brand = "b", DateTimeOffset? at = null, string text = "Die Störung dauert", string lang = "de",
        string? engagementOf = null, long likes = 0, SentimentLabel label = SentimentLabel.Neutral) =>
        new(new Mention(id, "x", text, at ?? Noon, Author: id == "nul" ? null : "@" + id, Lang: lang, Url: "https://example.com/" + id, Likes: likes,
            Shares: 2, Comments: 3, Reach: -7, EngagementOf: engagementOf), brand, label == SentimentLabel.Negative ? -0.5f : 0.25f, label, lang);

    [Fact]
    public void A_packed_batch_reads_back_every_field_and_its_tokens_point_into_its_terms()
    {
        var analyzer = new SearchAnalyzer();
        var mentions = new[]
        {
            Scored("a", at: Noon.AddSeconds(3), likes: 5),
            Scored("nul", at: Noon, text: "a NUL \0 and a lone \ud800 surrogate", lang: "en", engagementOf: "post-1", label: SentimentLabel.Negative),
        };

        var batch = new BatchBuilder(analyzer).Build("b", 3, new LogPosition(10, 2), mentions);

        Assert.Equal((Noon.UtcDateTime, Noon.AddSeconds(3).UtcDateTime, 10L, 2), (batch.FirstAt, batch.LastAt, batch.TopEngagement, batch.Count));
        Assert.Equal((3, new LogPosition(10, 2)), (batch.Partition, batch.Last));
        var reader = new BatchBodyReader(batch.Body, batch.FirstAt);
        Assert.True(reader.MoveNext());
        var first = reader.Materialize("b");
        Assert.Equal(
            new ArchivedMention("a", "b", "x", Noon.AddSeconds(3).UtcDateTime, "Die Störung dauert", "@a", "https://example.com/a", "de", 0.25f,
                SentimentLabel.Neutral, 5, 2, 3, -7, null),
            first);
        var stoerung = SearchQuery.Parse("Störungen").Compile("de", analyzer).Bind(term => Array.IndexOf(batch.Terms, term));
        Assert.True(stoerung.Matches(reader.Tokens));
        Assert.True(reader.ChannelIs("x") && reader.LangIs("de") && !reader.LangIs("en") && !reader.IsEngagement);

        Assert.True(reader.MoveNext());
        Assert.Equal("a NUL \0 and a lone \uFFFD surrogate", reader.Text); // bytes keep a NUL; UTF-8 has no lone surrogate
        Assert.Null(reader.Author);
        Assert.Equal((SentimentLabel.Negative, -0.5f, "post-1", true), (reader.Label, reader.Sentiment, reader.EngagementOf, reader.IsEngagement));
        Assert.False(stoerung.Matches(reader.Tokens));
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void A_write_groups_by_brand_partition_and_hour_and_skips_only_what_a_replay_brings_again()
    {
        var groups = new WriteGroups();
        groups.Written.Add(("b", "held"));
        var origin = new ArchiveOrigin(1, new LogPosition(5, 0), new LogPosition(4, 0), Replayed: false);
        groups.Add([Scored("m1"), Scored("m2", at: Noon.AddHours(-3)), Scored("m1", brand: "c")], origin);
        groups.Add([Scored("held"), Scored("m3"), Scored("m3")], origin with { Position = new LogPosition(6, 0), Replayed = true });
        groups.Add([Scored("e1")], null);

        var all = groups.Groups.ToDictionary(g => (g.Brand, g.Partition, g.Mentions[0].Mention.Timestamp), g => (Ids: string.Join(',', g.Mentions.Select(m => m.Mention.Id)), g.Last));
        Assert.Equal(("m1,m3", new LogPosition(6, 0)), all[("b", 1, Noon)]); // the replay's repeat of m3 and what PostgreSQL held are left out
        Assert.Equal(("m2", new LogPosition(5, 0)), all[("b", 1, Noon.AddHours(-3))]);
        Assert.Equal("m1", all[("c", 1, Noon)].Ids);
        Assert.Equal(("e1", LogPosition.Start), all[("b", -1, Noon)]);
        Assert.Equal(5, groups.Mentions);
    }

    [Fact]
    public void Rollups_count_mentions_by_label_and_add_engagement_events_to_engagement_only_and_days_sum_their_hours()
    {
        var hourly = new RollupDelta();
        hourly.Add(Scored("p", likes: 1, label: SentimentLabel.Positive));
        hourly.Add(Scored("n", at: Noon.AddHours(1), label: SentimentLabel.Negative));
        hourly.Add(Scored("like", engagementOf: "p", likes: 10));
        var daily = new RollupDelta();
        hourly.SumDays(daily);
        Assert.Equal(2, hourly.Count);
        using var hours = hourly.Command("t", null!, null!);
        Assert.Equal([1L, 1L], (long[])hours.Parameters["mentions"].Value!);
        Assert.Equal([1L, 0L], (long[])hours.Parameters["positive"].Value!);
        Assert.Equal([0L, 1L], (long[])hours.Parameters["negative"].Value!);
        Assert.Equal([(1L + 5) + (10 + 5), 5L], (long[])hours.Parameters["engagement"].Value!); // likes, and shares 2 + comments 3 each
        using var days = daily.Command("t", null!, null!);
        Assert.Equal([2L], (long[])days.Parameters["mentions"].Value!);
        Assert.Equal([-0.25], ((double[])days.Parameters["sentiment"].Value!).Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Results_rank_newest_then_by_id_and_brand_or_by_engagement_first_and_keep_only_the_best()
    {
        var top = new TopMentions(MentionSearchSort.Time, 2);
        foreach (var (id, seconds) in new[] { ("a", 1), ("b", 3), ("c", 2), ("d", 3) })
        {
            var key = new SearchKey(0, Noon.AddSeconds(seconds).UtcTicks, id, "x");
            if (top.Admits(key))
            {
                top.Add(new ArchivedMention(id, "x", "x", Noon.AddSeconds(seconds).UtcDateTime, "", null, null, "en", 0, SentimentLabel.Neutral, 0, 0, 0, 0, null), key);
            }
        }

        Assert.Equal(["d", "b"], top.Drain().Select(t => t.Mention.Id));
        Assert.True(SearchKey.Rank(MentionSearchSort.Engagement, new SearchKey(5, 1, "a", "x"), new SearchKey(4, 9, "z", "x")) > 0);
        Assert.True(SearchKey.Rank(MentionSearchSort.Time, new SearchKey(5, 1, "a", "x"), new SearchKey(4, 9, "z", "x")) < 0);
    }
}
