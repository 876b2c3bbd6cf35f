using Pulse.Sources.Rss;

namespace Pulse.Sources.Tests.Rss;

/// <summary>The cursor, the remembered ids and the back-off arithmetic, without a network.</summary>
public sealed class RssCursorTests
{
    [Fact]
    public void A_cursor_round_trips()
    {
        var seen = SeenIds.Empty.Advance([1UL, 2UL, ulong.MaxValue], 10);
        var cursor = new RssCursor("feed", "W/\"abc\"", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), seen);

        Assert.True(RssCursor.TryParse(cursor.Format(), "feed", out var parsed, out _));

        Assert.Equal(cursor.ETag, parsed.ETag);
        Assert.Equal(cursor.LastModified, parsed.LastModified);
        Assert.Equal(seen.ToBytes(), parsed.Seen.ToBytes());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("{\"v\":1,\"s\":\"not base64!\"}")]
    [InlineData("{\"v\":1,\"s\":\"AAE=\"}")] // 2 bytes: not a whole hash
    [InlineData("{\"v\":99,\"s\":\"\"}")]
    [InlineData("[1,2,3]")]
    public void An_unreadable_cursor_is_refused_without_throwing(string text)
    {
        Assert.False(RssCursor.TryParse(text, "feed", out var cursor, out _));
        Assert.Equal(0, cursor.Seen.Count);
    }

    [Fact]
    public void A_cursor_of_another_feed_keeps_its_ids_but_not_its_validators()
    {
        var cursor = new RssCursor("old", "\"abc\"", DateTimeOffset.UnixEpoch, SeenIds.Empty.Advance([7UL], 10));

        Assert.True(RssCursor.TryParse(cursor.Format(), "new", out var parsed, out _));

        Assert.Null(parsed.ETag);
        Assert.Null(parsed.LastModified);
        Assert.True(parsed.Seen.Contains(7));
    }

    [Fact]
    public void Remembered_ids_evict_the_oldest_but_never_ids_still_in_the_feed()
    {
        var seen = SeenIds.Empty.Advance([1UL, 2UL, 3UL], 4);
        seen = seen.Advance([4UL, 5UL, 1UL], 4); // 1 is still in the feed: it moves to the new end

        Assert.False(seen.Contains(2));
        Assert.True(seen.Contains(1));
        Assert.Equal(4, seen.Count);

        var big = SeenIds.Empty.Advance([.. Enumerable.Range(0, 10).Select(i => (ulong)i)], 4);
        Assert.Equal(10, big.Count); // a document larger than the capacity keeps all of its own
    }

    [Fact]
    public void Remembering_two_thousand_ids_keeps_the_cursor_compact()
    {
        var seen = SeenIds.Empty.Advance([.. Enumerable.Range(0, 2048).Select(i => (ulong)i * 7919)], 2048);

        Assert.InRange(new RssCursor("feed", "\"etag\"", null, seen).Format().Length, 20_000, 23_000);
    }

    [Theory]
    [InlineData(1, 300, 300)] // first failure: the poll interval, never less
    [InlineData(2, 300, 600)]
    [InlineData(3, 300, 900)] // capped at 15 min
    [InlineData(40, 300, 900)]
    [InlineData(1, 3600, 3600)] // an interval above the cap wins
    [InlineData(5, 1, 16)]
    [InlineData(64, int.MaxValue, int.MaxValue)] // no overflow
    public void Back_off_doubles_from_the_poll_interval_up_to_the_cap(int failures, int pollSeconds, int expectedSeconds)
    {
        var delay = RssBackoff.Delay(failures, TimeSpan.FromSeconds(pollSeconds), null, TimeSpan.FromMinutes(15), TimeSpan.FromHours(6));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(120, 300, 300)] // Retry-After shorter than the interval: the interval
    [InlineData(1800, 300, 1800)] // longer than the back-off cap: obeyed
    [InlineData(86_400 * 7, 300, 21_600)] // a week: capped at 6 h
    public void Retry_after_is_obeyed_within_bounds(int retryAfterSeconds, int pollSeconds, int expectedSeconds)
    {
        var delay = RssBackoff.Delay(1, TimeSpan.FromSeconds(pollSeconds), TimeSpan.FromSeconds(retryAfterSeconds), TimeSpan.FromMinutes(15), TimeSpan.FromHours(6));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }
}
