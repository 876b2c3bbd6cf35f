using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Pulse.Grains.Channels;
using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Channels;

/// <summary>A (brand, channel)'s state without Orleans: counting once, the replay guard, and its checkpoint.</summary>
public sealed class ChannelStateTests
{
    private static readonly ChannelWindowOptions Options = new();
    private static readonly TimeSpan[] Spans = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(25)];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void A_mention_seen_again_is_not_counted_twice_in_one_batch_or_the_next()
    {
        var state = new ChannelState(ChannelMentions.Key, Options, _clock);
        var a = ChannelMentions.One("a", Now);

        var first = state.Apply([a, ChannelMentions.One("b", Now), a], null, Now);
        var second = state.Apply([a with { Sentiment = 0.9f }, ChannelMentions.One("c", Now)], null, Now);

        Assert.Equal((true, 2), (first.Accepted, first.Counted));
        Assert.Equal((true, 1), (second.Accepted, second.Counted));
        Assert.Equal(3, state.Windows.Sum(Now, TimeSpan.FromMinutes(1)).Count);
        Assert.Equal(["c", "b", "a"], state.Latest.Newest(10).Select(m => m.Id));
    }

    [Fact]
    public void The_replay_guard_refuses_a_position_already_applied_and_a_batch_after_a_hole()
    {
        var state = new ChannelState(ChannelMentions.Key, Options, _clock);
        var p5 = new LogPosition(100, 5);

        var first = state.Apply(ChannelMentions.Many("p5", 3, Now), new IngestOrigin(0, p5), Now);
        var replay = state.Apply(ChannelMentions.Many("replayed", 3, Now), new IngestOrigin(0, p5), Now);
        var older = state.Apply(ChannelMentions.Many("older", 3, Now), new IngestOrigin(0, new LogPosition(100, 2)), Now);
        var afterHole = state.Apply(ChannelMentions.Many("hole", 3, Now), new IngestOrigin(0, new LogPosition(100, 9), Previous: new LogPosition(100, 7)), Now);
        var next = state.Apply(ChannelMentions.Many("p9", 2, Now), new IngestOrigin(0, new LogPosition(100, 9), Previous: p5), Now);
        var otherPartition = state.Apply(ChannelMentions.Many("q1", 1, Now), new IngestOrigin(1, new LogPosition(7, 0), Previous: LogPosition.Start), Now);

        Assert.Equal((true, (LogPosition?)null, 3), (first.Accepted, first.Before, first.Counted));
        Assert.Equal((false, (LogPosition?)p5, 0), (replay.Accepted, replay.Before, replay.Counted));
        Assert.False(older.Accepted);
        Assert.Equal((false, (LogPosition?)p5), (afterHole.Accepted, afterHole.Before));
        Assert.Equal((true, (LogPosition?)p5, 2), (next.Accepted, next.Before, next.Counted));
        Assert.False(otherPartition.Accepted); // it never delivered LogPosition.Start here: that delivery was lost
        Assert.Equal(5, state.Windows.Sum(Now, TimeSpan.FromMinutes(1)).Count);
        Assert.Equal(new LogPosition(100, 9), state.LastApplied(0));
        Assert.Null(state.LastApplied(1));
    }

    [Fact]
    public void Capture_then_restore_gives_back_the_counts_the_feed_the_applied_positions_and_the_seen_ids()
    {
        var state = ChannelState.Restore(ChannelMentions.Key, Options, _clock, null, []);
        var earlier = ChannelMentions.Many("earlier", 40, Now - TimeSpan.FromHours(3));
        state.Apply(earlier, new IngestOrigin(0, new LogPosition(10, 0)), Now);
        state.Apply(ChannelMentions.Many("recent", 30, Now - TimeSpan.FromSeconds(5)), new IngestOrigin(3, new LogPosition(20, 1)), Now);

        var save = state.Capture();
        state.Saved(save);
        _clock.Advance(TimeSpan.FromSeconds(30)); // the grain comes back on another silo half a minute later
        var restored = ChannelState.Restore(ChannelMentions.Key, Options, _clock, RoundTrip(save.Checkpoint), [SeenIdsChunk.FromBytes(save.Chunk.ToBytes())]);

        Assert.All(Spans, span => Assert.Equal(state.Windows.Sum(Now, span), restored.Windows.Sum(Now, span)));
        Assert.Equal(70, restored.Windows.Sum(Now, TimeSpan.FromHours(25)).Count);
        Assert.Equal(state.Latest.Newest(20), restored.Latest.Newest(20));
        Assert.Equal((new LogPosition(10, 0), new LogPosition(20, 1)), (restored.LastApplied(0), restored.LastApplied(3)));
        Assert.False(restored.Changed);
        // The ids came back through the journal: a redelivery counts nothing, a new mention counts.
        Assert.Equal(1, restored.Apply([.. earlier, ChannelMentions.One("new", Now)], null, Now).Counted);
        Assert.True(restored.Changed);
    }

    [Fact]
    public void A_save_records_only_what_changed_and_drops_nothing_it_still_needs()
    {
        var state = ChannelState.Restore(ChannelMentions.Key, Options, _clock, null, []);
        Assert.False(state.Changed);

        state.Apply(ChannelMentions.Many("a", 3, Now), null, Now);
        var first = state.Capture();
        state.Saved(first);
        state.Apply(ChannelMentions.Many("a", 3, Now), null, Now); // seen again: counted once, but sightings are journaled
        var second = state.Capture();

        Assert.Equal(3, first.Chunk.Ids.Length);
        Assert.Equal(3, second.Chunk.Ids.Length);
        Assert.Equal(0, second.Drop);
        Assert.Empty(first.Checkpoint.Seen.Current); // the ids go to the journal, not into every checkpoint
    }

    [Fact]
    public void A_state_that_does_not_journal_is_not_saved()
    {
        var state = new ChannelState(ChannelMentions.Key, Options, _clock);
        state.Apply(ChannelMentions.Many("a", 3, Now), null, Now);

        Assert.Throws<InvalidOperationException>(() => state.Capture());
    }

    [Fact]
    public void Counting_feeds_the_feed_the_top_posts_and_the_terms_and_caps_event_time_at_now()
    {
        var state = new ChannelState(ChannelMentions.Key, Options, _clock);
        state.Apply([ChannelMentions.One("ahead", Now + TimeSpan.FromHours(1), "Bahn #Stellwerksstörung wieder", likes: 500)], null, Now);
        state.Apply(ChannelMentions.Many("calm", 5, Now, "Bahn #Stellwerksstörung wieder"), null, Now);

        // A source clock an hour ahead must not age the present out: the mention counts now.
        Assert.Equal(6, state.Windows.Sum(Now, TimeSpan.FromSeconds(10)).Count);
        Assert.Equal("ahead", state.Top.Views()[0].Id);
        Assert.Equal(6, state.Latest.Newest(20).Length);
        Assert.Equal(2, state.Terms.Count); // "bahn" and "#stellwerksstoerung" ("wieder" is a stop word)
    }

    private static ChannelCheckpoint RoundTrip(ChannelCheckpoint checkpoint)
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ChannelCheckpoint).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        return serializer.Deserialize<ChannelCheckpoint>(serializer.SerializeToArray(checkpoint))!;
    }
}
