namespace Pulse.Grains.Feeds;

/// <summary>
/// The silos' reports summed per bucket until the bucket is judged. A bucket is closed once <see cref="Grace"/> buckets
/// have passed since it ended: each silo reports a bucket within one bucket of its end, and one more leaves time for the
/// call. A count arriving for a bucket already closed (a slow silo) is added to the next bucket to close: it still shows
/// the feed delivered.
/// </summary>
internal sealed class FeedBuckets(TimeSpan bucket)
{
    public const int Grace = 2;

    private static readonly Dictionary<string, long> None = [];

    private readonly long _ticks = bucket.Ticks;
    private readonly SortedDictionary<long, Dictionary<string, long>> _pending = [];
    private long? _next;

    public TimeSpan Bucket => bucket;

    public void Add(IEnumerable<FeedCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var count in counts.OrderBy(c => c.BucketStart))
        {
            var index = count.BucketStart.UtcTicks / _ticks;
            _next ??= index; // judging starts with the oldest bucket of the first report
            index = Math.Max(index, _next.Value);
            if (!_pending.TryGetValue(index, out var channels))
            {
                _pending[index] = channels = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            channels[count.Channel] = channels.GetValueOrDefault(count.Channel) + count.Count;
        }
    }

    /// <summary>Takes out every bucket that is due at <paramref name="now"/>, oldest first, with its counts per channel (none: empty).</summary>
    public IEnumerable<(DateTimeOffset Start, IReadOnlyDictionary<string, long> Counts)> Close(DateTimeOffset now)
    {
        var due = (now.UtcTicks / _ticks) - Grace; // buckets before this one are closed
        while (_next is { } next && next < due)
        {
            _next = next + 1;
            var counts = _pending.Remove(next, out var found) ? found : None;
            yield return (new DateTimeOffset(next * _ticks, TimeSpan.Zero), counts);
        }
    }
}
