using Microsoft.Extensions.Options;
using Pulse.Grains.Alerts;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Feeds;

/// <summary>
/// This silo's ingested mentions per (bucket, channel), counted where the ingestors accept a batch: every mention, matched
/// to a brand or not, so a channel's feed is seen whole. <see cref="FeedReporter"/> sends the closed buckets to the
/// cluster's <see cref="IFeedMonitorGrain"/>. One lock per accepted batch, not per mention.
/// </summary>
internal sealed class FeedCounter(IOptions<AlertOptions> options, TimeProvider clock)
{
    private readonly long _bucketTicks = options.Value.Bucket.Ticks;
    private readonly Lock _gate = new();
    private readonly Dictionary<(long Bucket, string Channel), long> _counts = [];

    public void Count(IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return;
        }

        // A batch holds few channels: tally them in a short list (no allocation per mention), then add under the lock
        // once per channel.
        var tally = new List<(string Channel, long Count)>(4);
        foreach (var mention in mentions)
        {
            if (mention.EngagementOf is not null)
            {
                continue; // engagement on a post already counted is no new mention in the feed
            }

            var i = 0;
            while (i < tally.Count && !string.Equals(tally[i].Channel, mention.Channel, StringComparison.Ordinal))
            {
                i++;
            }

            if (i < tally.Count)
            {
                tally[i] = (tally[i].Channel, tally[i].Count + 1);
            }
            else
            {
                tally.Add((mention.Channel, 1));
            }
        }

        var bucket = clock.GetUtcNow().UtcTicks / _bucketTicks;
        lock (_gate)
        {
            foreach (var (channel, count) in tally)
            {
                _counts[(bucket, channel)] = _counts.GetValueOrDefault((bucket, channel)) + count;
            }
        }
    }

    /// <summary>The counts of buckets that ended by <paramref name="now"/>, taken out; the current bucket stays.</summary>
    public FeedCount[] DrainClosed(DateTimeOffset now)
    {
        var current = now.UtcTicks / _bucketTicks;
        lock (_gate)
        {
            if (_counts.Count == 0)
            {
                return [];
            }

            var closed = _counts.Where(c => c.Key.Bucket < current).ToArray();
            foreach (var (key, _) in closed)
            {
                _counts.Remove(key);
            }

            return [.. closed.Select(c => new FeedCount(new DateTimeOffset(c.Key.Bucket * _bucketTicks, TimeSpan.Zero), c.Key.Channel, c.Value))];
        }
    }

    /// <summary>Puts back counts a report could not deliver: the next report carries them (late, but they still prove the feed alive).</summary>
    public void Return(IEnumerable<FeedCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            foreach (var c in counts)
            {
                var key = (c.BucketStart.UtcTicks / _bucketTicks, c.Channel);
                _counts[key] = _counts.GetValueOrDefault(key) + c.Count;
            }
        }
    }
}
