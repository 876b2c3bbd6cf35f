using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pulse.Sources.Connecting;
using Pulse.Testing;
using Pulse.Testing.Jetstream;
using static Pulse.Sources.Tests.Jetstream.ConnectorRun;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>The Jetstream connector against a local Kestrel server replaying the recorded capture and generated frames.</summary>
public sealed class JetstreamConnectorTests
{
    private const long MarginUs = 5_000_000;

    [Fact]
    public async Task Capture_posts_become_mentions_with_id_url_author_time_text_and_lang()
    {
        var lines = JetstreamCapture.CaptureLines();
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(JetstreamCapture.ManifestPath)))
        {
            Assert.Equal(manifest.RootElement.GetProperty("v1_events").GetInt32(), lines.Count);
        }

        // The expectation comes from the capture through JsonDocument, independently of the connector's reader.
        var expected = new Dictionary<string, (string Did, string Rkey, string Text, long TimeUs, string? Lang)>();
        var engagedWith = new List<(string Id, string Subject, string Kind)>(); // every like, repost and reply, matched or not
        var postEvents = 0;
        long newest = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("commit", out var commit)
                && commit.GetProperty("collection").GetString() is not ("app.bsky.feed.post" or "app.bsky.feed.like" or "app.bsky.feed.repost"))
            {
                continue; // the server filters these out (wantedCollections)
            }

            if (commit.ValueKind == JsonValueKind.Object && commit.GetProperty("operation").GetString() == "create"
                && commit.GetProperty("record").TryGetProperty("subject", out var subject))
            {
                var kind = commit.GetProperty("collection").GetString()!;
                engagedWith.Add(($"at://{root.GetProperty("did").GetString()}/{kind}/{commit.GetProperty("rkey").GetString()}", subject.GetProperty("uri").GetString()!, kind));
                postEvents++;
                newest = Math.Max(newest, root.GetProperty("time_us").GetInt64());
                continue;
            }

            postEvents++;
            newest = Math.Max(newest, root.GetProperty("time_us").GetInt64());
            if (commit.ValueKind == JsonValueKind.Object && commit.GetProperty("operation").GetString() == "create")
            {
                var did = root.GetProperty("did").GetString()!;
                var rkey = commit.GetProperty("rkey").GetString()!;
                var record = commit.GetProperty("record");
                var lang = record.TryGetProperty("langs", out var langs) && langs.GetArrayLength() > 0 ? langs[0].GetString() : null;
                expected[$"at://{did}/app.bsky.feed.post/{rkey}"] =
                    (did, rkey, record.GetProperty("text").GetString()!, root.GetProperty("time_us").GetInt64(), lang);
                if (record.TryGetProperty("reply", out var reply))
                {
                    engagedWith.Add(($"at://{did}/app.bsky.feed.post/{rkey}#reply", reply.GetProperty("parent").GetProperty("uri").GetString()!, "reply"));
                }
            }
        }

        Assert.Equal(17, expected.Count); // the samples README: 17 post creates

        await using var server = new JetstreamTestServer(FreePort.Next());
        foreach (var line in lines)
        {
            server.AddEvent(line);
        }

        await server.StartAsync();
        await using var run = Start(server.Url);
        await UntilAsync(() => run.Sink.ReceivedEvents >= postEvents, "all post, like and repost events, identity and account");

        // Every post "matches" in this sink: engagement on a capture post becomes its engagement (the capture has a
        // thread of replies), engagement on posts before the capture is dropped.
        var engagement = run.Sink.Mentions.Where(m => m.EngagementOf is not null).ToList();
        var onCapturePosts = engagedWith.Where(x => expected.ContainsKey(x.Subject)).ToList();
        Assert.Equal(2, onCapturePosts.Count);
        Assert.Equal(onCapturePosts.Select(x => (x.Id, x.Subject)), engagement.Select(m => (m.Id, m.EngagementOf!)));
        Assert.All(engagement, m => Assert.Equal((0L, 0L, 1L), (m.Likes, m.Shares, m.Comments)));
        Assert.All(engagement, m => Assert.Equal(expected[m.EngagementOf!].Text, m.Text)); // matched as the post was
        Assert.True(engagedWith.Count > 100); // most engagement in the capture is on older posts: dropped

        var mentions = run.Sink.Mentions.Where(m => m.EngagementOf is null).ToList();
        Assert.Equal(expected.Count, mentions.Count);
        foreach (var m in mentions)
        {
            var e = expected[m.Id];
            Assert.Equal("bluesky", m.Channel);
            Assert.Equal(e.Did, m.Author);
            Assert.Equal(e.Text, m.Text);
            Assert.Equal(e.Lang, m.Lang);
            Assert.Equal($"https://bsky.app/profile/{e.Did}/post/{e.Rkey}", m.Url);
            Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(e.TimeUs * 10), m.Timestamp);
        }

        Assert.Equal(postEvents, run.Sink.ReceivedEvents); // 17 creates, 1 delete, 105 likes, 15 reposts, identity, account
        Assert.Equal($"us:{newest};host:127.0.0.1:{server.Port}", run.Sink.Cursor);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(newest * 10), run.Sink.NewestEventAt);
        Assert.Null(server.CursorsAsked.Single()); // no saved cursor: no ?cursor=
        Assert.Empty(run.Sink.SkippedByReason);
    }

    [Fact]
    public async Task Deletes_other_collections_and_other_kinds_are_counted_but_make_no_mentions()
    {
        await using var server = new JetstreamTestServer(FreePort.Next()) { HonourCollectionFilter = false };
        var lines = JetstreamCapture.CaptureLines();
        foreach (var line in lines)
        {
            server.AddEvent(line);
        }

        server.AddEvent(JetstreamFrames.Post(0));
        server.AddEvent(JetstreamFrames.PostDelete(1, onto: 0));
        server.AddEvent(JetstreamFrames.Like(2));
        server.AddEvent(JetstreamFrames.Identity(3));
        await server.StartAsync();
        await using var run = Start(server.Url);
        await UntilAsync(() => run.Sink.ReceivedEvents >= lines.Count + 4, "every event counted");

        Assert.Equal(lines.Count + 4, run.Sink.ReceivedEvents);
        Assert.Equal(18, run.Sink.Mentions.Count(m => m.EngagementOf is null)); // the capture's 17 and the one generated create
        Assert.All(run.Sink.Mentions, m => Assert.StartsWith("at://did:", m.Id, StringComparison.Ordinal));
        Assert.All(run.Sink.Mentions, m => Assert.Contains("/app.bsky.feed.post/", m.Id, StringComparison.Ordinal));
        Assert.Equal(2, run.Sink.Mentions.Count(m => m.EngagementOf is not null)); // the capture's thread of replies
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_resumes_from_the_cursor_with_each_post_once()
    {
        const int posts = 3000;
        await using var server = new JetstreamTestServer(FreePort.Next());
        for (var i = 0; i < posts; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        server.DropNextConnectionAfter(1200);
        await server.StartAsync();
        await using var run = Start(server.Url);
        await UntilAsync(() => run.Sink.Mentions.Count >= posts && server.CursorsAsked.Count >= 2, "all posts after a reconnect");

        AssertEachOnce(run.Sink, Enumerable.Range(0, posts));
        Assert.Equal(posts, run.Sink.ReceivedEvents); // the replayed overlap is not counted again
        var asked = server.CursorsAsked.ToArray();
        Assert.Null(asked[0]);

        // The reconnect asks for the newest applied time minus the margin. Frames still in flight when the server cut
        // the connection are lost with it, so the last applied is at or before the 1200th sent.
        var resumedAt = long.Parse(asked[1]!, System.Globalization.CultureInfo.InvariantCulture) + MarginUs;
        Assert.InRange(resumedAt, JetstreamFrames.TimeOf(0), JetstreamFrames.TimeOf(1199));
        Assert.Equal(0, (resumedAt - JetstreamFrames.GeneratedStartUs) % 1000);
        Assert.Contains(SourceState.BackingOff, run.Sink.States);
        Assert.Equal(SourceState.Live, run.Sink.States[^1]);
    }

    [Fact]
    public async Task A_server_stopped_and_restarted_on_the_same_port_is_resumed_with_each_post_once()
    {
        const int posts = 3000;
        await using var server = new JetstreamTestServer(FreePort.Next()) { HoldAfterFrames = 1000 };
        for (var i = 0; i < posts; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await server.StartAsync();
        await using var run = Start(server.Url);
        await UntilAsync(() => run.Sink.ReceivedEvents >= 1000, "the first 1000 posts");

        await server.StopAsync();
        await UntilAsync(() => run.Sink.States[^1] == SourceState.BackingOff && run.Sink.LastError is not null, "backing off while down");

        server.HoldAfterFrames = null;
        await server.StartAsync();
        await UntilAsync(() => run.Sink.Mentions.Count >= posts, "the rest after the restart");

        AssertEachOnce(run.Sink, Enumerable.Range(0, posts));
        Assert.Equal(posts, run.Sink.ReceivedEvents);
        Assert.Equal(SourceState.Live, run.Sink.States[^1]);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_new_instance_from_the_saved_cursor_continues_without_duplicates()
    {
        await using var server = new JetstreamTestServer(FreePort.Next());
        for (var i = 0; i < 500; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await server.StartAsync();
        string saved;
        await using (var first = Start(server.Url))
        {
            await UntilAsync(() => first.Sink.Mentions.Count >= 500, "the first 500");
            await first.StopAsync();
            saved = first.Sink.Cursor!;
        }

        for (var i = 500; i < 1000; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await using var second = Start(server.Url, saved);
        await UntilAsync(() => second.Sink.Mentions.Count >= 500, "the next 500");
        await UntilAsync(() => second.Sink.Cursor?.Contains($"us:{JetstreamFrames.TimeOf(999)};", StringComparison.Ordinal) == true, "the cursor at the last");

        AssertEachOnce(second.Sink, Enumerable.Range(500, 500));
        Assert.Equal(500, second.Sink.ReceivedEvents);
        Assert.Equal((JetstreamFrames.TimeOf(499) - MarginUs).ToString(System.Globalization.CultureInfo.InvariantCulture), server.CursorsAsked.Last());
    }

    [Fact]
    public async Task V2_sequence_cursors_resume_exactly_on_the_same_host()
    {
        const int posts = 2000;
        await using var server = new JetstreamTestServer(FreePort.Next()) { SendSequence = true };
        for (var i = 0; i < posts; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        server.DropNextConnectionAfter(700);
        await server.StartAsync();
        string saved;
        await using (var run = Start(server.Url))
        {
            await UntilAsync(() => run.Sink.Mentions.Count >= posts, "all posts after a reconnect");
            AssertEachOnce(run.Sink, Enumerable.Range(0, posts));
            Assert.Equal(posts, run.Sink.ReceivedEvents);
            // Inclusive: the last applied sequence (at most the 700th sent; frames in flight die with the connection).
            Assert.InRange(long.Parse(server.CursorsAsked.ElementAt(1)!, System.Globalization.CultureInfo.InvariantCulture), 1, 700);
            await UntilAsync(() => run.Sink.Cursor?.StartsWith($"seq:{posts};", StringComparison.Ordinal) == true, "a seq cursor");
            await run.StopAsync();
            saved = run.Sink.Cursor!;
        }

        for (var i = posts; i < posts + 300; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await using var next = Start(server.Url, saved);
        await UntilAsync(() => next.Sink.Mentions.Count >= 300, "the new posts");
        AssertEachOnce(next.Sink, Enumerable.Range(posts, 300));
        Assert.Equal(300, next.Sink.ReceivedEvents);
        Assert.Equal(posts.ToString(System.Globalization.CultureInfo.InvariantCulture), server.CursorsAsked.Last());
    }

    [Fact]
    public async Task Malformed_oversized_and_binary_frames_are_skipped_and_counted_and_the_stream_continues()
    {
        await using var server = new JetstreamTestServer(FreePort.Next());
        for (var i = 0; i < 10; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        var order = JetstreamFrames.TimeOf(10);
        server.AddRaw(order, "{not json"u8.ToArray());
        server.AddRaw(order, """{"did":"did:plc:abc","time_us":"soon","kind":"commit"}"""u8.ToArray());
        server.AddRaw(order, Encoding.UTF8.GetBytes(JetstreamFrames.Post(10_000)[..120])); // truncated
        server.AddRaw(order, Encoding.UTF8.GetBytes(JetstreamFrames.Post(10_001).Replace("3kgen00010001", "../../x", StringComparison.Ordinal)));
        server.AddRaw(order, Encoding.UTF8.GetBytes(JetstreamFrames.Post(10_002, new string('a', 1_600_000)))); // valid but 1.6 MB
        server.AddRaw(order, [0x28, 0xb5, 0x2f, 0xfd], binary: true); // a zstd frame header
        for (var i = 10; i < 20; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await server.StartAsync();
        await using var run = Start(server.Url);
        await UntilAsync(() => run.Sink.Mentions.Count >= 20, "the posts after the bad frames");

        AssertEachOnce(run.Sink, Enumerable.Range(0, 20));
        Assert.Equal(20, run.Sink.ReceivedEvents);
        Assert.Equal(4, run.Sink.SkippedByReason["malformed event"]);
        Assert.Equal(1, run.Sink.SkippedByReason[$"frame over {1024 * 1024} bytes"]);
        Assert.Equal(1, run.Sink.SkippedByReason.Single(kv => kv.Key.StartsWith("binary", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(SourceState.BackingOff, run.Sink.States);
    }

    [Fact]
    public async Task A_server_that_never_completes_the_handshake_backs_off_and_cancellation_stops_promptly()
    {
        using var listener = new TcpListener(IPAddress.Loopback, FreePort.Next());
        listener.Start();
        var held = new List<TcpClient>();
        using var stopAccepting = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await listener.AcceptTcpClientAsync(stopAccepting.Token)); // accept, never answer
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var run = Start(new Uri($"ws://127.0.0.1:{port}/subscribe"), options: ConnectorRun.FastOptions with
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
        });
        await UntilAsync(() => run.Sink.States.Contains(SourceState.BackingOff), "backing off after the handshake timeout");

        Assert.Equal(SourceState.Connecting, run.Sink.States[0]);
        Assert.DoesNotContain(SourceState.Live, run.Sink.States);
        Assert.Contains("handshake", run.Sink.LastError, StringComparison.Ordinal);
        Assert.True(await run.StopAsync() < TimeSpan.FromSeconds(3));

        await stopAccepting.CancelAsync();
        await accepting;
        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_refused_port_backs_off_with_the_error_and_cancellation_stops_promptly()
    {
        var port = FreePort.Next(); // nothing listens there
        await using var run = Start(new Uri($"ws://127.0.0.1:{port}/subscribe"));
        await UntilAsync(() => run.Sink.States.Count(s => s == SourceState.BackingOff) >= 2, "retrying with backoff");

        Assert.Equal(SourceState.Connecting, run.Sink.States[0]);
        Assert.False(string.IsNullOrEmpty(run.Sink.LastError));
        Assert.DoesNotContain(SourceState.Live, run.Sink.States);
        Assert.True(await run.StopAsync() < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_non_websocket_url_fails_without_retrying()
    {
        await using var run = Start(new Uri("https://example.invalid/subscribe"));
        await run.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([SourceState.Failed], run.Sink.States);
    }

    private static void AssertEachOnce(RecordingSink sink, IEnumerable<int> posts)
    {
        var ids = sink.Mentions.Select(m => m.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(posts.Select(JetstreamFrames.PostId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }
}
