using Pulse.Sources.Connecting;
using Xunit.Abstractions;

using Pulse.Testing.Rss;

namespace Pulse.Sources.Tests.Rss;

/// <summary>Conditional GET, exact counting across polls, and resuming from a saved cursor.</summary>
public sealed class RssPollingTests(ITestOutputHelper output)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Second_poll_sends_the_etag_gets_304_and_a_changed_feed_adds_only_new_items()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 3));

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => server.Count(304) >= 2, "two 304s");

        Assert.Equal(3, feed.Sink.Mentions.Count);
        var conditional = server.Requests.First(r => r.Status == 304);
        Assert.NotNull(conditional.IfNoneMatch);
        Assert.Equal("Mon, 02 Mar 2026 10:00:00 GMT", conditional.IfModifiedSince);
        Assert.Null(server.Requests.First().IfNoneMatch);

        // Two items published, the oldest one dropped out of the window: only the two new ones count.
        server.Document = Feeds.Rss(Feeds.Numbered(2, 4));
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count >= 5, "the two new items");
        var afterChange = server.Requests.Count;
        await Wait.UntilAsync(() => server.Requests.Skip(afterChange).Count(r => r.Status == 304) >= 2, "two more 304s");

        Assert.Equal(["guid-1", "guid-2", "guid-3", "guid-4", "guid-5"], feed.Sink.Mentions.Select(m => m.Id.Split(':')[^1]));
        Assert.Equal(5, feed.Sink.ReceivedEvents);
        Assert.DoesNotContain(SourceState.BackingOff, feed.Sink.States);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_new_connector_resumed_from_the_saved_cursor_accepts_nothing_twice_and_everything_new()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 3));
        string cursor;
        await using (var first = RunningFeed.Start(server.Url, output))
        {
            await Wait.UntilAsync(() => first.Sink.Mentions.Count == 3, "three mentions");
            await first.StopAsync();
            cursor = first.Sink.Cursor!;
        }

        Assert.True(cursor.Length < 1_000, $"cursor of {cursor.Length} chars: {cursor}");

        // The host forgets its validators (a CDN purge): full 200s, so only the remembered ids prevent duplicates.
        var requestsBefore = server.Requests.Count;
        server.Handler = (context, _) => FeedServer.WriteFeedAsync(context, server.Document!, server.ContentType, validators: false);
        server.Document = Feeds.Rss(Feeds.Numbered(1, 4));

        await using var second = RunningFeed.Start(server.Url, output, cursor);
        await Wait.UntilAsync(() => second.Sink.Mentions.Count >= 1, "the new item");
        await Wait.UntilAsync(() => server.Requests.Count >= requestsBefore + 3, "more polls of the same document");

        Assert.Equal("guid-4", Assert.Single(second.Sink.Mentions).Id.Split(':')[^1]);
        Assert.Equal(1, second.Sink.ReceivedEvents);
        Assert.NotNull(server.Requests.Skip(requestsBefore).First().IfNoneMatch); // the resumed run sent the saved ETag
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Items_the_sink_did_not_take_are_offered_again_and_counted_once()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));

        await using var feed = RunningFeed.Start(server.Url, output, wrap: sink => new FailingOnceSink(sink));
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "both items after the retry");
        await Wait.UntilAsync(() => server.Count(304) >= 1, "a poll after that");

        Assert.Equal([SourceState.Connecting, SourceState.BackingOff, SourceState.Live], feed.Sink.States);
        Assert.Contains("ingest is down", feed.Sink.LastError, StringComparison.Ordinal);
        Assert.Equal(2, feed.Sink.Mentions.Count);
        Assert.Equal(2, feed.Sink.ReceivedEvents);

        // The failed poll's validators were not kept: the retry was a full GET, not a 304.
        Assert.Equal(200, server.Requests.ElementAt(1).Status);
    }

    [Fact]
    public async Task An_unreadable_cursor_counts_as_none()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));

        await using var feed = RunningFeed.Start(server.Url, output, cursor: "{not a cursor");
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "both items");

        Assert.False(feed.Run.IsCompleted);
    }
}
