using System.Text.Json.Nodes;
using Pulse.Sources.Connecting;
using Pulse.Sources.Mastodon;
using Pulse.Testing;

namespace Pulse.Sources.Tests.Mastodon;

public sealed class MastodonConnectorTests
{
    [Fact]
    public async Task Update_events_become_mentions_with_the_right_fields_and_plain_text()
    {
        await using var server = await FakeMastodon.StartAsync();
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();

        var local = server.Publish(
            "<p>Bahn &amp; <a href=\"https://origin.example/tags/bahn\" class=\"mention hashtag\">#<span>Bahn</span></a> &lt;3</p><script>alert(1)</script><p>zwei</p>",
            acct: "alice",
            edit: s => s["spoiler_text"] = "CW Verspätung");
        var remote = server.Publish("<p>from afar</p>", acct: "bob@other.example", edit: s => s["created_at"] = "2999-01-01T00:00:00.000Z");

        var mentions = await run.WaitMentionsAsync(2);
        var first = mentions[0];
        Assert.Equal((string?)local["uri"], first.Id);
        Assert.Equal("mastodon", first.Channel);
        Assert.Equal("CW Verspätung\n\nBahn & #Bahn <3\n\nzwei", first.Text);
        Assert.DoesNotContain("alert", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("href", first.Text, StringComparison.Ordinal);
        Assert.Equal("alice@127.0.0.1", first.Author);
        Assert.Equal((string?)local["url"], first.Url);
        Assert.Equal("de", first.Lang);
        Assert.Equal((3, 2, 1), (first.Likes, first.Shares, first.Comments));
        Assert.Equal(DateTimeOffset.Parse((string)local["created_at"]!, System.Globalization.CultureInfo.InvariantCulture), first.Timestamp);

        var second = mentions[1];
        Assert.Equal((string?)remote["uri"], second.Id);
        Assert.Equal("bob@other.example", second.Author);
        Assert.True(second.Timestamp <= DateTimeOffset.UtcNow, "a future created_at is clamped to now");
        Assert.Equal((string?)remote["id"], run.Sink.Cursor);
        Assert.Equal(2, run.Sink.ReceivedEvents);
    }

    [Fact]
    public async Task Deletes_edits_and_reblogs_are_received_but_add_no_mentions()
    {
        await using var server = await FakeMastodon.StartAsync();
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();

        var original = server.Publish("<p>original</p>");
        await run.WaitMentionsAsync(1);
        server.SendRaw("event: delete\ndata: 109999999999999999\n\n");
        var edited = original.DeepClone().AsObject();
        edited["content"] = "<p>edited</p>";
        server.SendRaw($"event: status.update\ndata: {edited.ToJsonString()}\n\n");
        server.Publish("<p></p>", acct: "booster", edit: s => s["reblog"] = original.DeepClone());
        var marker = server.Publish("<p>marker</p>");

        var mentions = await run.WaitMentionsAsync(2);
        await Eventually.GetAsync(() => Task.FromResult(run.Sink.ReceivedEvents), n => n >= 5, TimeSpan.FromSeconds(5));

        Assert.Equal([(string?)original["uri"], (string?)marker["uri"]], mentions.Select(m => m.Id));
        Assert.Equal("original", mentions[0].Text);
        Assert.Equal(5, run.Sink.ReceivedEvents);
        Assert.Empty(run.Sink.SkippedByReason);
    }

    [Fact]
    public async Task A_dropped_stream_reconnects_and_backfills_each_missed_status_exactly_once()
    {
        await using var server = await FakeMastodon.StartAsync();
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();

        var published = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            published.Add((string)server.Publish($"<p>before {i}</p>")["uri"]!);
        }

        await run.WaitMentionsAsync(5);
        var cursorAtDrop = run.Sink.Cursor;
        server.DropStreams();
        for (var i = 0; i < 10; i++)
        {
            published.Add((string)server.Publish($"<p>while down {i}</p>")["uri"]!); // only the timeline has these
        }

        await run.WaitLiveAsync(times: 2);
        for (var i = 0; i < 5; i++)
        {
            published.Add((string)server.Publish($"<p>after {i}</p>")["uri"]!);
        }

        var mentions = await run.WaitMentionsAsync(published.Count);
        Assert.Equal(published.Order(), mentions.Select(m => m.Id).Order());
        Assert.Contains(run.Sink.States, s => s == SourceState.BackingOff);
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/api/v1/timelines/public?min_id=" + cursorAtDrop, StringComparison.Ordinal));
        Assert.Equal(mentions[^1].Id, published[^1]);
    }

    [Fact]
    public async Task A_new_connector_from_the_saved_cursor_backfills_without_duplicates()
    {
        await using var server = await FakeMastodon.StartAsync();
        string? cursor;
        await using (var first = ConnectorRun.Start(ConnectorRun.Source(server)))
        {
            await first.WaitLiveAsync();
            for (var i = 0; i < 3; i++)
            {
                server.Publish($"<p>first run {i}</p>");
            }

            await first.WaitMentionsAsync(3);
            cursor = first.Sink.Cursor;
        }

        var missed = Enumerable.Range(0, 9).Select(i => (string)server.Publish($"<p>while stopped {i}</p>")["uri"]!).ToList();
        await using var second = ConnectorRun.Start(ConnectorRun.Source(server), cursor);
        await second.WaitLiveAsync();
        var live = (string)server.Publish("<p>live again</p>")["uri"]!;

        var mentions = await second.WaitMentionsAsync(10);
        Assert.Equal([.. missed, live], mentions.Select(m => m.Id));
        Assert.True(server.Requests.Count(r => r.PathAndQuery.StartsWith("/api/v1/timelines/public", StringComparison.Ordinal)) >= 3, "9 statuses in pages of 4");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_429_backs_off_until_the_reset_time_then_recovers()
    {
        await using var server = await FakeMastodon.StartAsync();
        server.Reject(429);
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();

        Assert.Equal([SourceState.Connecting, SourceState.BackingOff, SourceState.Connecting, SourceState.Live], run.Sink.States);
        Assert.Contains("Rate limited", run.Sink.LastError, StringComparison.Ordinal);
        var requests = server.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(800), "waited for X-RateLimit-Reset, not just the 50 ms backoff");
        server.Publish();
        await run.WaitMentionsAsync(1);
    }

    [Fact]
    public async Task Server_errors_back_off_and_recover()
    {
        await using var server = await FakeMastodon.StartAsync();
        server.Reject(503, count: 3);
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();

        Assert.Equal(3, run.Sink.States.Count(s => s == SourceState.BackingOff));
        Assert.Contains("503", run.Sink.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_token_fails_with_a_clear_message(string? token)
    {
        await using var server = await FakeMastodon.StartAsync();
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server, token: token));

        await run.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SourceState.Failed, run.Sink.States[^1]);
        Assert.Contains("token", run.Sink.LastError, StringComparison.Ordinal);
        Assert.Equal(token is null ? 0 : 1, server.Requests.Count);
    }

    [Fact]
    public async Task Malformed_and_oversized_events_are_skipped_and_counted()
    {
        await using var server = await FakeMastodon.StartAsync();
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server), options: ConnectorRun.FastOptions with { MaxEventBytes = 16 * 1024 });
        await run.WaitLiveAsync();

        server.SendRaw("event: update\ndata: {\"id\": \"1\", \"uri\": \n\n");                        // cut off
        server.SendRaw("event: update\ndata: {\"id\": \"2\", \"created_at\": \"not a date\"}\n\n"); // wrong type
        server.SendRaw("event: update\ndata: [1, 2]\n\n");                                              // not an object
        server.SendRaw("event: update\ndata: {\"id\": \"999999999999999999999\", \"content\": \"no uri\"}\n\n"); // no uri, and an id that must not become the cursor
        server.SendRaw("event: update\ndata: {\"id\": \"4\", \"uri\": \"" + new string('x', 40_000) + "\"}\n\n"); // one long line
        server.SendRaw("event: update\n" + string.Concat(Enumerable.Repeat("data: " + new string('y', 1_000) + "\n", 40)) + "\n"); // many lines
        var marker = server.Publish("<p>still alive</p>");

        var mentions = await run.WaitMentionsAsync(1);
        Assert.Equal((string?)marker["uri"], Assert.Single(mentions).Id);
        Assert.Equal(4, run.Sink.SkippedByReason.GetValueOrDefault("malformed"));
        Assert.Equal(2, run.Sink.SkippedByReason.GetValueOrDefault("oversized"));
        Assert.Single(run.Sink.States, SourceState.Live); // never reconnected over bad input
        Assert.Equal((string?)marker["id"], run.Sink.Cursor);
    }

    [Theory]
    [InlineData("hashtag", "bahn", "/api/v1/streaming/hashtag?tag=bahn", "/api/v1/timelines/tag/bahn?min_id=")]
    [InlineData("public:local", null, "/api/v1/streaming/public/local", "/api/v1/timelines/public?local=true&min_id=")]
    public async Task Hashtag_and_local_streams_use_their_paths(string stream, string? hashtag, string streamPath, string timelinePath)
    {
        await using var server = await FakeMastodon.StartAsync();
        var before = server.Publish("<p>before</p>", local: true, tag: hashtag);
        var missed = server.Publish("<p>missed</p>", local: true, tag: hashtag);
        server.Publish("<p>elsewhere</p>", local: false, tag: null);
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server, stream, hashtag), cursor: (string)before["id"]!);
        await run.WaitLiveAsync();
        var live = server.Publish("<p>live</p>", local: true, tag: hashtag);

        var mentions = await run.WaitMentionsAsync(2);
        Assert.Equal([(string?)missed["uri"], (string?)live["uri"]], mentions.Select(m => m.Id));
        var paths = server.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal(streamPath, paths[0]);
        Assert.StartsWith(timelinePath + before["id"], paths[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_comes_from_the_streaming_host_the_instance_announces_and_back_fill_from_the_instance()
    {
        await using var instance = await FakeMastodon.StartAsync();
        await using var streaming = await FakeMastodon.StartAsync();
        instance.StreamingUrl = "ws://" + streaming.Url.Authority;
        var before = instance.Publish("<p>before</p>");
        var missed = instance.Publish("<p>missed while away</p>");
        await using var run = ConnectorRun.Start(ConnectorRun.Source(instance), cursor: (string)before["id"]!);
        await run.WaitLiveAsync();
        var live = streaming.Publish("<p>live</p>");

        var mentions = await run.WaitMentionsAsync(2);
        Assert.Equal([(string?)missed["uri"], (string?)live["uri"]], mentions.Select(m => m.Id));
        Assert.Equal(1, streaming.Subscribers);
        Assert.DoesNotContain(instance.Requests, r => r.PathAndQuery.StartsWith("/api/v1/streaming", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instance_that_announces_no_streaming_host_streams_from_its_own()
    {
        await using var server = await FakeMastodon.StartAsync();
        server.StreamingUrl = null;
        await using var run = ConnectorRun.Start(ConnectorRun.Source(server));
        await run.WaitLiveAsync();
        var live = server.Publish("<p>live</p>");

        Assert.Equal((string?)live["uri"], Assert.Single(await run.WaitMentionsAsync(1)).Id);
    }
}
