using Pulse.Analytics.Incidents;
using Pulse.Analytics.Windows;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Stats;

namespace Pulse.Grains.Channels;

/// <summary>
/// What a (brand, channel) knows, without Orleans: rolling windows, the ids already counted (de-duplication), the live
/// feed and top posts, rising terms, and the ingest positions applied (<see cref="ReplayGuard"/>). <see cref="Apply"/>
/// records a batch; <see cref="Capture"/> and <see cref="Restore"/> are its checkpoint in cluster mode.
/// </summary>
/// <remarks>
/// A state made by <see cref="Restore"/> journals the ids it sees (<see cref="SeenIdsJournal"/>) and is saved
/// incrementally; one made by the constructor (the embedded default, nothing to save to) is not. Rising terms and top
/// posts are not checkpointed: they rebuild within minutes.
/// </remarks>
internal sealed class ChannelState
{
    private static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);

    private readonly ReplayGuard _applied;
    private readonly RecentMentionIds _seen;
    private readonly SeenIdsJournal? _journal;
    private DateTimeOffset _trimmed;

    /// <summary>A fresh state that does not journal its ids (nothing saves it).</summary>
    public ChannelState(ChannelKey key, ChannelWindowOptions options, TimeProvider clock)
        : this(key, options, clock, journal: null)
    {
    }

    private ChannelState(ChannelKey key, ChannelWindowOptions options, TimeProvider clock, SeenIdsJournal? journal)
        : this(key, new MultiResolutionWindows(WindowLayout.Default), new RecentMentionIds(options.DedupHorizon, clock),
            new LatestMentions(options.LatestMentions), new ReplayGuard(), journal)
    {
    }

    private ChannelState(ChannelKey key, MultiResolutionWindows windows, RecentMentionIds seen, LatestMentions latest, ReplayGuard applied, SeenIdsJournal? journal)
    {
        Key = key;
        Windows = windows;
        _seen = seen;
        Latest = latest;
        _applied = applied;
        _journal = journal;
    }

    public ChannelKey Key { get; }

    public MultiResolutionWindows Windows { get; }

    public LatestMentions Latest { get; }

    public RisingTerms Terms { get; } = new(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));

    public TopRecentMentions Top { get; } = new(5, TimeSpan.FromMinutes(5));

    /// <summary>Whether a batch was applied since the last <see cref="Saved"/> (or since the state was made).</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// The state saved as <paramref name="saved"/> with the journal's <paramref name="chunks"/> (or a fresh one for null:
    /// the grain never saved), journaling from now on.
    /// </summary>
    public static ChannelState Restore(
        ChannelKey key, ChannelWindowOptions options, TimeProvider clock, ChannelCheckpoint? saved, IReadOnlyCollection<SeenIdsChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var journal = new SeenIdsJournal(chunks.Select(c => c.SavedAt));
        return saved is null
            ? new ChannelState(key, options, clock, journal)
            : new ChannelState(key, saved.RestoreWindows(WindowLayout.Default), saved.RestoreSeen(options.DedupHorizon, clock, chunks),
                saved.RestoreLatest(options.LatestMentions), new ReplayGuard(saved.Applied), journal);
    }

    /// <summary>
    /// Records a batch (mentions already seen count once; engagement events add engagement only), unless <paramref name="origin"/> marks it a replay or a batch
    /// after a hole. Windows advance with event time, capped at <paramref name="now"/>.
    /// </summary>
    public ChannelApply Apply(ScoredMention[] mentions, IngestOrigin? origin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        LogPosition? before = null;
        if (origin is not null && !_applied.TryAdmit(origin, out before))
        {
            return new ChannelApply(false, before, 0);
        }

        Changed = true;
        var counted = 0;
        List<int>? duplicates = null;
        for (var i = 0; i < mentions.Length; i++)
        {
            var scored = mentions[i];
            var m = scored.Mention;
            var hash = RecentMentionIds.HashOf(m.Id);
            _journal?.Seen(hash); // duplicates too: a sighting keeps an id in the current generation (see SeenIdsJournal)
            if (!_seen.TryAdd(hash))
            {
                (duplicates ??= []).Add(i);
                continue;
            }

            // A clock running ahead at the source must not age out the present.
            var at = m.Timestamp > now ? now : m.Timestamp;
            if (m.EngagementOf is not null)
            {
                // Engagement on a post (counted when it came): only its likes, shares and comments, at its own time. It
                // is no mention: not counted, no sentiment, not in the feed or the top posts, no terms (its text is the post's).
                Windows.AddEngagement(at, m.Likes, m.Shares, m.Comments);
                continue;
            }

            if (Windows.Add(new MentionObservation(at, scored.Sentiment, scored.Label, m.Likes, m.Shares, m.Comments, m.Reach)))
            {
                // A mention that makes the top posts is encoded once, for both lists; the feed encodes the rest on the
                // tick, if they are still among its newest by then (see LatestMentions.AddPending).
                if (Top.TryAdd(scored, now, out var entry))
                {
                    Latest.Add(entry);
                }
                else
                {
                    Latest.AddPending(scored);
                }

                Terms.Observe(m.Text, at);
                counted++;
            }
        }

        return new ChannelApply(true, before, counted, duplicates?.ToArray());
    }

    /// <summary>The last position applied from <paramref name="partition"/> (null: none yet).</summary>
    public LogPosition? LastApplied(int partition) => _applied.Last(partition);

    /// <summary>
    /// A save of the state as it is now (taken within one grain turn: it copies what it holds). Only a state made by
    /// <see cref="Restore"/> journals its ids and can be saved; nothing changes until <see cref="Saved"/>.
    /// </summary>
    public ChannelSave Capture()
    {
        var journal = _journal ?? throw new InvalidOperationException($"The state of {Key} is not journaled: only a restored state is saved.");
        var checkpoint = ChannelCheckpoint.CaptureJournaled(Windows, _seen, Latest, _applied.Positions);
        var (chunk, drop) = journal.Prepare(checkpoint.Seen.SavedAt, checkpoint.GenerationStart - checkpoint.Seen.Horizon);
        return new ChannelSave(checkpoint, chunk, drop);
    }

    /// <summary><paramref name="save"/> (from <see cref="Capture"/>) is stored: its ids leave the journal's pending chunk.</summary>
    public void Saved(ChannelSave save)
    {
        ArgumentNullException.ThrowIfNull(save);
        _journal!.Saved(save.Chunk, save.Drop);
        Changed = false;
    }

    /// <summary>The last <paramref name="points"/> buckets at <paramref name="resolution"/> ending at <paramref name="now"/>, and the first one's start.</summary>
    public (ChannelSeries Series, DateTimeOffset Start) Series(TimeSpan resolution, int points, DateTimeOffset now)
    {
        var window = Windows.Resolution(resolution);
        var buckets = new Bucket[Math.Min(points, window.Capacity)];
        var written = window.CopySeries(now, buckets);
        return (ChannelSeriesBuilder.Build(Key.Channel, buckets.AsSpan(0, written)), window.SeriesStart(now, written));
    }

    /// <summary>
    /// The grain's tick, after its snapshot: gives back what has aged out, once a minute (see MultiResolutionWindows.Trim,
    /// RecentMentionIds.Expire: 100 000 grains stay active for a day, most of them quiet most of the time), and encodes
    /// the feed's pending mentions (after the snapshot, which shows them without decoding).
    /// </summary>
    public void Tidy(DateTimeOffset now)
    {
        if (now - _trimmed >= TrimInterval)
        {
            _trimmed = now;
            Windows.Trim(now);
            _seen.Expire();
        }

        Latest.Compact();
    }
}
