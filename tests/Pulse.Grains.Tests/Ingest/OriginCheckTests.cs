using Pulse.Analytics.Sentiment;
using Pulse.Grains.Channels;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Ingest;

/// <summary>How a (brand, channel) grain treats deliveries that carry their log position (cluster mode's exactness).</summary>
[Collection(ClusterCollection.Name)]
public sealed class OriginCheckTests(ClusterFixture fixture)
{
    private static readonly LogPosition P1 = new(1_000, 0);
    private static readonly LogPosition P2 = new(1_000, 1);
    private static readonly LogPosition P3 = new(2_000, 0);

    [Fact]
    public async Task A_replayed_batch_is_skipped_whole_and_reports_what_the_grain_holds()
    {
        var grain = fixture.Grains.GetGrain<IBrandChannelGrain>("origin-replay/x");

        Assert.Null((await grain.RecordAsync([Scored("r1"), Scored("r2")], new IngestOrigin(0, P1))).AppliedBefore);
        // Same position again (a replay) with other ids: skipped by position, not by id.
        Assert.Equal(P1, (await grain.RecordAsync([Scored("r3")], new IngestOrigin(0, P1))).AppliedBefore);
        // Another partition has its own position.
        Assert.Null((await grain.RecordAsync([Scored("r4")], new IngestOrigin(1, P1))).AppliedBefore);

        Assert.Equal(3, (await grain.GetStatsAsync(TimeSpan.FromMinutes(5))).Count);
    }

    [Fact]
    public async Task A_batch_after_a_hole_is_refused_until_the_hole_is_replayed()
    {
        var grain = fixture.Grains.GetGrain<IBrandChannelGrain>("origin-hole/x");
        await grain.RecordAsync([Scored("h1")], new IngestOrigin(0, P1));

        // The partition says it already sent P2 to this grain; the grain only holds P1 (it lost P2 in a crash).
        Assert.Equal(P1, (await grain.RecordAsync([Scored("h3")], new IngestOrigin(0, P3, Previous: P2))).AppliedBefore);
        Assert.Equal(1, (await grain.GetStatsAsync(TimeSpan.FromMinutes(5))).Count);

        // The replay re-sends P2 and P3 in order, without a Previous: both apply.
        Assert.Equal(P1, (await grain.RecordAsync([Scored("h2")], new IngestOrigin(0, P2))).AppliedBefore);
        Assert.Equal(P2, (await grain.RecordAsync([Scored("h3")], new IngestOrigin(0, P3))).AppliedBefore);
        Assert.Equal(3, (await grain.GetStatsAsync(TimeSpan.FromMinutes(5))).Count);
        Assert.Equal(P3, await grain.SaveAsync(0));
    }

    private static ScoredMention Scored(string id) =>
        new(new Mention(id, "x", "origin check " + id, DateTimeOffset.UtcNow), "origin", 0.5f, SentimentLabel.Positive, "en");
}
