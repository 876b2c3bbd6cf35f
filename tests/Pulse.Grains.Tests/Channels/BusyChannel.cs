using Microsoft.Extensions.Time.Testing;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>A (brand, channel)'s state as a busy grain holds it: the parts a checkpoint captures, filled the way the grain fills them.</summary>
internal sealed class BusyChannel
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    public BusyChannel(int mentions, int latestCapacity = 20)
    {
        Now = Clock.GetUtcNow();
        Latest = new LatestMentions(latestCapacity);
        Seen = new RecentMentionIds(Horizon, Clock);
        var random = new Random(11);
        foreach (var at in Times(mentions, random))
        {
            var scored = NewMention($"bluesky:at://did:plc:{random.Next():x8}/app.bsky.feed.post/{random.Next():D10}", at, random);
            Seen.TryAdd(scored.Mention.Id);
            Windows.Add(new MentionObservation(at, scored.Sentiment, scored.Label, scored.Mention.Likes, scored.Mention.Shares, scored.Mention.Comments, scored.Mention.Reach));
            Latest.Add(scored);
        }
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public DateTimeOffset Now { get; }

    public MultiResolutionWindows Windows { get; } = new(WindowLayout.Default);

    public RecentMentionIds Seen { get; }

    public LatestMentions Latest { get; }

    public Dictionary<int, LogPosition> Applied { get; } = new() { [0] = new(1_748_779_200_123, 4), [3] = new(1_748_779_199_870, 0) };

    public ChannelCheckpoint Capture() => ChannelCheckpoint.Capture(Windows, Seen, Latest, Applied);

    /// <summary>Oldest first. With 310 or more mentions every bucket of every default ring gets at least one: one per
    /// 15 minutes over 25 h, one per minute over 90 min, one per second over 2 min, the rest anywhere in the last 24 h.</summary>
    private List<DateTimeOffset> Times(int mentions, Random random)
    {
        var times = new List<DateTimeOffset>(mentions);
        for (int i = 0; i < mentions; i++)
        {
            times.Add(i switch
            {
                < 100 => Now - (TimeSpan.FromMinutes(15) * i),
                < 190 => Now - (TimeSpan.FromMinutes(1) * (i - 100)),
                < 310 => Now - (TimeSpan.FromSeconds(1) * (i - 190)),
                _ => Now - (TimeSpan.FromHours(24) * random.NextDouble()),
            });
        }

        times.Sort();
        return times;
    }

    private static ScoredMention NewMention(string id, DateTimeOffset at, Random random)
    {
        // Typical post: a couple of hundred characters, an author handle and a link.
        var text = $"Trying the new acme phone for a week now: battery {random.Next(10, 48)} h, camera is great, " +
                   "the charger still gets warm though and support took three days to answer. Would I buy it again? Probably.";
        var mention = new Mention(id, "bluesky", text, at, $"user{random.Next(100_000)}.bsky.social", "en",
            $"https://bsky.app/profile/user/post/{random.Next():x8}", random.Next(500), random.Next(50), random.Next(30), random.Next(20_000));
        var label = (SentimentLabel)random.Next(3);
        return new ScoredMention(mention, "acme", (float)(random.NextDouble() * 2 - 1), label, "en");
    }
}
