using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;

namespace Pulse.Grains.Tests.Channels;

/// <summary>The incremental id journal: saves write only the ids seen since the last one, and a restore from the
/// checkpoint plus the chunks remembers what the grain remembered, in the same generations.</summary>
public sealed class SeenIdsJournalTests : IDisposable
{
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(ChannelCheckpoint).Assembly))
        .BuildServiceProvider();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_chunk_round_trips_through_its_bytes()
    {
        var chunk = new SeenIdsChunk(_clock.GetUtcNow(), [1, ulong.MaxValue, 42]);

        var back = SeenIdsChunk.FromBytes(chunk.ToBytes());

        Assert.Equal(chunk.SavedAt, back.SavedAt);
        Assert.Equal(chunk.Ids, back.Ids);
        Assert.Throws<FormatException>(() => SeenIdsChunk.FromBytes(new byte[12]));
    }

    [Fact]
    public void Each_save_carries_only_the_ids_seen_since_the_last_one()
    {
        var journal = new SeenIdsJournal([]);
        journal.Seen(1);
        journal.Seen(2);
        var (first, _) = journal.Prepare(_clock.GetUtcNow(), DateTimeOffset.MinValue);
        journal.Saved(first, 0);
        journal.Seen(3);

        var (second, _) = journal.Prepare(_clock.GetUtcNow(), DateTimeOffset.MinValue);

        Assert.Equal([1UL, 2UL], first.Ids);
        Assert.Equal([3UL], second.Ids);
    }

    [Fact]
    public void A_failed_save_keeps_its_ids_for_the_next_one()
    {
        var journal = new SeenIdsJournal([]);
        journal.Seen(1);
        _ = journal.Prepare(_clock.GetUtcNow(), DateTimeOffset.MinValue); // the write failed: Saved is not called
        journal.Seen(2);

        var (chunk, _) = journal.Prepare(_clock.GetUtcNow(), DateTimeOffset.MinValue);

        Assert.Equal([1UL, 2UL], chunk.Ids);
    }

    [Fact]
    public void Chunks_older_than_the_previous_generation_are_dropped_oldest_first()
    {
        var start = _clock.GetUtcNow();
        var journal = new SeenIdsJournal([start, start.AddMinutes(30), start.AddMinutes(90)]);

        var (chunk, drop) = journal.Prepare(start.AddMinutes(120), expiredBefore: start.AddMinutes(60));
        journal.Saved(chunk, drop);

        Assert.Equal(2, drop);
        Assert.Equal(2, journal.Stored);
    }

    [Fact]
    public void Restoring_from_the_checkpoint_and_its_chunks_keeps_every_id_and_its_generation()
    {
        var grain = new Grain(_clock);
        grain.See("a", "b");
        grain.Save();
        _clock.Advance(TimeSpan.FromMinutes(70)); // a new generation: a and b are in the previous one now
        grain.See("c", "a"); // a seen again moves to the current generation
        grain.Save();
        grain.See("d"); // seen but never saved: a crash loses it with its mention, which the log replays

        var restored = grain.Restore(_services.GetRequiredService<Serializer>());

        Assert.Equal(3, restored.Count);
        Assert.False(restored.TryAdd("a"));
        Assert.False(restored.TryAdd("b"));
        Assert.False(restored.TryAdd("c"));
        Assert.True(restored.TryAdd("d"));

        // Asking re-sights an id, so the generations are checked on a second restore: b (previous generation) is
        // forgotten at the next generation change, a and c (current) one generation later.
        var later = grain.Restore(_services.GetRequiredService<Serializer>());
        _clock.Advance(TimeSpan.FromMinutes(55));
        Assert.True(later.TryAdd("b"));
        Assert.False(later.TryAdd("a"));
        Assert.False(later.TryAdd("c"));
    }

    /// <summary>The grain's part: the id set, its journal and what the store holds after each save.</summary>
    private sealed class Grain(FakeTimeProvider clock)
    {
        private readonly RecentMentionIds _seen = new(Horizon, clock);
        private readonly SeenIdsJournal _journal = new([]);
        private readonly List<SeenIdsChunk> _stored = [];
        private ChannelCheckpoint _checkpoint = new();

        public void See(params string[] ids)
        {
            foreach (var id in ids)
            {
                var hash = RecentMentionIds.HashOf(id);
                _journal.Seen(hash);
                _seen.TryAdd(hash);
            }
        }

        public void Save()
        {
            _checkpoint = ChannelCheckpoint.CaptureJournaled(new MultiResolutionWindows(WindowLayout.Default), _seen, new LatestMentions(1), new Dictionary<int, Pulse.Grains.Ingest.Durable.LogPosition>());
            var (chunk, drop) = _journal.Prepare(_checkpoint.Seen.SavedAt, _checkpoint.GenerationStart - Horizon);
            _stored.RemoveRange(0, drop);
            _stored.Add(SeenIdsChunk.FromBytes(chunk.ToBytes()));
            _journal.Saved(chunk, drop);
        }

        public RecentMentionIds Restore(Serializer serializer) =>
            serializer.Deserialize<ChannelCheckpoint>(serializer.SerializeToArray(_checkpoint))!.RestoreSeen(Horizon, clock, _stored);
    }
}
