using System.Text;
using Microsoft.AspNetCore.Http;
using Pulse.Sources.Connecting;
using Pulse.Sources.Rss;
using Pulse.Testing;
using Xunit.Abstractions;

using Pulse.Testing.Rss;

namespace Pulse.Sources.Tests.Rss;

/// <summary>Rate limits, server errors, bad documents and network failures: back off or skip, never crash.</summary>
public sealed class RssFailureTests(ITestOutputHelper output)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Too_many_requests_with_retry_after_backs_off_for_that_long_then_recovers()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));
        server.Handler = (context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "2";
                return Task.CompletedTask;
            }

            return FeedServer.WriteFeedAsync(context, server.Document!, server.ContentType);
        };

        await using var feed = RunningFeed.Start(server.Url, output);
        // The items are handed over before the poll reports Live: wait for both.
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2 && feed.Sink.States.Contains(SourceState.Live), "the items after the back-off");

        Assert.Equal([SourceState.Connecting, SourceState.BackingOff, SourceState.Live], feed.Sink.States);
        Assert.Contains("429", feed.Sink.LastError, StringComparison.Ordinal);
        var requests = server.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {requests[1].At - requests[0].At}");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Service_unavailable_backs_off_with_a_retry_after_date_then_exponentially_then_recovers()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));
        server.Handler = (context, number) =>
        {
            if (number <= 2)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                if (number == 1)
                {
                    context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
                }

                return Task.CompletedTask;
            }

            return FeedServer.WriteFeedAsync(context, server.Document!, server.ContentType);
        };

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2 && feed.Sink.States.Contains(SourceState.Live), "the items after the back-off", seconds: 15);

        Assert.Equal([SourceState.Connecting, SourceState.BackingOff, SourceState.BackingOff, SourceState.Live], feed.Sink.States);
        Assert.Contains("503", feed.Sink.LastError, StringComparison.Ordinal);
        var requests = server.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After date obeyed");
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(1.9), "second failure: twice the interval");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Malformed_xml_is_skipped_and_counted_and_the_connector_keeps_polling()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = "<rss version=\"2.0\"><channel><item><title>cut off";

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.SkippedByReason.GetValueOrDefault("malformed feed") >= 2, "two skipped documents");

        // Neither a DTD (entity expansion) nor a non-feed document gets through either.
        server.Document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">]><rss version=\"2.0\"><channel><title>&a;</title></channel></rss>";
        await Wait.UntilAsync(() => feed.Sink.SkippedByReason.GetValueOrDefault("malformed feed") >= 3, "the DTD skipped");
        server.Document = "<html><body>not a feed</body></html>";
        await Wait.UntilAsync(() => feed.Sink.SkippedByReason.GetValueOrDefault("malformed feed") >= 4, "HTML skipped");

        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "the items once the feed is fixed");
        Assert.False(feed.Run.IsCompleted);
        Assert.DoesNotContain(SourceState.Failed, feed.Sink.States);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task An_oversized_body_is_skipped_and_counted_whether_declared_or_chunked()
    {
        await using var server = await FeedServer.StartAsync();
        var limit = new RssConnectorOptions().MaxBodyBytes;
        var declared = true;
        server.Handler = async (context, _) =>
        {
            if (server.Document is { } xml)
            {
                await FeedServer.WriteFeedAsync(context, xml, server.ContentType);
                return;
            }

            context.Response.ContentType = server.ContentType;
            if (declared)
            {
                // Declared too large: the connector does not read it at all.
                context.Response.ContentLength = limit + 1;
                await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
                return;
            }

            // Chunked, no length up front: the connector stops reading once it passes the limit.
            var filler = Encoding.UTF8.GetBytes($"<!--{new string('x', 1 << 20)}-->");
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            for (var written = 0L; written <= limit; written += filler.Length)
            {
                await context.Response.Body.WriteAsync(filler, context.RequestAborted);
            }
        };

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.SkippedByReason.GetValueOrDefault("oversized feed") >= 1, "a declared oversized body skipped");
        declared = false;
        var skipped = feed.Sink.SkippedByReason["oversized feed"];
        await Wait.UntilAsync(() => feed.Sink.SkippedByReason["oversized feed"] >= skipped + 1, "a chunked oversized body skipped");

        server.Document = Feeds.Rss(Feeds.Numbered(1, 2));
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "the items once the feed is small again");
        Assert.DoesNotContain(feed.Sink.Mentions, m => m.Text.Contains("xxxx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_backs_off_and_cancellation_still_stops_promptly()
    {
        await using var server = await FeedServer.StartAsync();
        server.Handler = (context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

        await using var feed = RunningFeed.Start(server.Url, output, httpTimeout: TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => feed.Sink.States.Contains(SourceState.BackingOff), "BackingOff");

        Assert.Contains("timed out", feed.Sink.LastError, StringComparison.Ordinal);
        Assert.True(await feed.StopAsync() < TimeSpan.FromSeconds(2));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_body_that_trickles_in_is_cut_off_by_the_request_timeout()
    {
        await using var server = await FeedServer.StartAsync();
        server.Handler = async (context, _) =>
        {
            // Headers at once, then the body never finishes: HttpClient.Timeout alone would not notice.
            context.Response.ContentType = server.ContentType;
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        };

        var options = new RssConnectorOptions { RequestTimeout = TimeSpan.FromSeconds(1) };
        await using var feed = RunningFeed.Start(server.Url, output, options: options, httpTimeout: Timeout.InfiniteTimeSpan);
        await Wait.UntilAsync(() => feed.Sink.States.Contains(SourceState.BackingOff), "BackingOff");

        Assert.Contains("timed out", feed.Sink.LastError, StringComparison.Ordinal);
        Assert.True(await feed.StopAsync() < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_dns_failure_backs_off_with_the_error_and_cancellation_stops_promptly()
    {
        await using var feed = RunningFeed.Start(new Uri("http://nonexistent.invalid/feed.xml"), output);
        await Wait.UntilAsync(() => feed.Sink.States.Count(s => s == SourceState.BackingOff) >= 2, "two failed attempts");

        Assert.False(string.IsNullOrWhiteSpace(feed.Sink.LastError));
        Assert.DoesNotContain(SourceState.Live, feed.Sink.States);
        Assert.True(await feed.StopAsync() < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_refused_connection_backs_off()
    {
        await using var feed = RunningFeed.Start(new Uri($"http://127.0.0.1:{FreePort.Next()}/feed.xml"), output);
        await Wait.UntilAsync(() => feed.Sink.States.Contains(SourceState.BackingOff), "BackingOff");

        Assert.Contains("refused", feed.Sink.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Not_found_backs_off_but_gone_fails_and_returns()
    {
        await using var server = await FeedServer.StartAsync();
        server.Handler = (context, number) =>
        {
            context.Response.StatusCode = number == 1 ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };

        await using var feed = RunningFeed.Start(server.Url, output);
        await feed.Run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([SourceState.Connecting, SourceState.BackingOff, SourceState.Failed], feed.Sink.States);
        Assert.Contains("410", feed.Sink.LastError, StringComparison.Ordinal);
    }
}
