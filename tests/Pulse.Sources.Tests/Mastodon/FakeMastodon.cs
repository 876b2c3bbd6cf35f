using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pulse.Testing;

namespace Pulse.Sources.Tests.Mastodon;

/// <summary>
/// A Mastodon instance on loopback Kestrel: the streaming endpoints as real text/event-stream responses (flushed per event,
/// heartbeats), the public and tag timelines with min_id, bearer-token checks, injected errors and dropped streams.
/// </summary>
internal sealed class FakeMastodon : IAsyncDisposable
{
    public const string Token = "good-token";
    private const long FirstId = 110_000_000_000_000_000;

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<PublishedStatus> _statuses = [];
    private readonly List<Subscriber> _subscribers = [];
    private readonly ConcurrentQueue<int> _rejections = new();
    private long _nextId = FirstId;

    private FakeMastodon(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>
    /// The streaming URL /api/v2/instance announces (a ws URL, as Mastodon writes it); null announces none. Defaults to this
    /// server. Instance requests are public and not recorded in <see cref="Requests"/>.
    /// </summary>
    public string? StreamingUrl { get; set; }

    /// <summary>Every request's path and query, in order.</summary>
    public ConcurrentQueue<(string PathAndQuery, DateTimeOffset At)> Requests { get; } = new();

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public static async Task<FakeMastodon> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeMastodon(app, new Uri($"http://127.0.0.1:{port}")) { StreamingUrl = $"ws://127.0.0.1:{port}" };
        app.MapGet("/api/v2/instance", () => Results.Json(new JsonObject
        {
            ["domain"] = "127.0.0.1",
            ["configuration"] = new JsonObject { ["urls"] = new JsonObject { ["streaming"] = server.StreamingUrl } },
        }));
        app.MapGet("/api/v1/streaming/public", ctx => server.StreamAsync(ctx, _ => true));
        app.MapGet("/api/v1/streaming/public/local", ctx => server.StreamAsync(ctx, s => s.Local));
        app.MapGet("/api/v1/streaming/hashtag", ctx => server.StreamAsync(ctx, s => s.Tag == (string?)ctx.Request.Query["tag"]));
        app.MapGet("/api/v1/timelines/public", ctx => server.TimelineAsync(ctx, s => ctx.Request.Query["local"] != "true" || s.Local));
        app.MapGet("/api/v1/timelines/tag/{tag}", ctx => server.TimelineAsync(ctx, s => s.Tag == (string?)ctx.Request.RouteValues["tag"]));
        await app.StartAsync();
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests, of any kind, get <paramref name="status"/>.</summary>
    public void Reject(int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _rejections.Enqueue(status);
        }
    }

    /// <summary>Publishes a status: it joins the timelines and goes to the open streams that match it. Returns it.</summary>
    public JsonObject Publish(string content = "<p>hello</p>", string acct = "alice", bool local = true, string? tag = null, Action<JsonObject>? edit = null)
    {
        lock (_gate)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            var json = new JsonObject
            {
                ["id"] = id,
                ["uri"] = $"https://origin.example/users/{acct}/statuses/{id}",
                ["url"] = $"https://origin.example/@{acct}/{id}",
                ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["content"] = content,
                ["spoiler_text"] = "",
                ["language"] = "de",
                ["account"] = new JsonObject { ["id"] = "1", ["acct"] = acct },
                ["reblog"] = null,
                ["favourites_count"] = 3,
                ["reblogs_count"] = 2,
                ["replies_count"] = 1,
                ["visibility"] = "public",
            };
            edit?.Invoke(json);
            var status = new PublishedStatus(long.Parse((string)json["id"]!, CultureInfo.InvariantCulture), json.ToJsonString(), local, tag);
            _statuses.Add(status);
            Send(status, $"event: update\ndata: {status.Json}\n\n");
            return json;
        }
    }

    /// <summary>Writes raw event-stream text to every open stream (deletes, edits, garbage).</summary>
    public void SendRaw(string frame)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Frames.Writer.TryWrite(frame);
            }
        }
    }

    /// <summary>Aborts every open stream's connection mid-way, as an instance restart or a proxy would.</summary>
    public void DropStreams()
    {
        // Under the gate: a stream still listed has a handler that has not left, so its context is still its own
        // (Kestrel reuses an ended request's context for the next one).
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Context.Abort();
            }

            _subscribers.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        DropStreams();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Send(PublishedStatus status, string frame)
    {
        foreach (var subscriber in _subscribers.Where(s => s.Filter(status)))
        {
            subscriber.Frames.Writer.TryWrite(frame);
        }
    }

    private async Task<bool> RefuseAsync(HttpContext ctx)
    {
        Requests.Enqueue((ctx.Request.Path + ctx.Request.QueryString, DateTimeOffset.UtcNow));
        if ((string?)ctx.Request.Headers.Authorization != "Bearer " + Token)
        {
            ctx.Response.StatusCode = 401;
            await ctx.Response.WriteAsJsonAsync(new { error = "The access token is invalid" });
            return true;
        }

        if (_rejections.TryDequeue(out var status))
        {
            ctx.Response.StatusCode = status;
            if (status == 429)
            {
                ctx.Response.Headers["X-RateLimit-Limit"] = "300";
                ctx.Response.Headers["X-RateLimit-Remaining"] = "0";
                ctx.Response.Headers["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
                await ctx.Response.WriteAsJsonAsync(new { error = "Too many requests" });
            }

            return true;
        }

        return false;
    }

    private async Task StreamAsync(HttpContext ctx, Func<PublishedStatus, bool> filter)
    {
        if (await RefuseAsync(ctx))
        {
            return;
        }

        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-store";
        await ctx.Response.StartAsync();
        var subscriber = new Subscriber(ctx, filter, Channel.CreateUnbounded<string>());
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        var aborted = ctx.RequestAborted;
        try
        {
            await ctx.Response.WriteAsync(":)\n\n", aborted);
            await ctx.Response.Body.FlushAsync(aborted);
            while (!aborted.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                heartbeat.CancelAfter(TimeSpan.FromMilliseconds(300));
                string frame;
                try
                {
                    frame = await subscriber.Frames.Reader.ReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    frame = ":thump\n\n";
                }

                await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), aborted);
                await ctx.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away or the test dropped the stream
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
            }
        }
    }

    private async Task TimelineAsync(HttpContext ctx, Func<PublishedStatus, bool> filter)
    {
        if (await RefuseAsync(ctx))
        {
            return;
        }

        var minId = long.TryParse(ctx.Request.Query["min_id"], CultureInfo.InvariantCulture, out var m) ? m : 0;
        var limit = int.TryParse(ctx.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 40) : 20;
        List<PublishedStatus> page;
        lock (_gate)
        {
            // Mastodon's min_id: the statuses immediately newer than it, answered newest first.
            page = [.. _statuses.Where(s => s.Id > minId && filter(s)).OrderBy(s => s.Id).Take(limit).Reverse()];
        }

        ctx.Response.Headers["X-RateLimit-Limit"] = "300";
        ctx.Response.Headers["X-RateLimit-Remaining"] = "299";
        ctx.Response.Headers["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5)).ToString("O", CultureInfo.InvariantCulture);
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync("[" + string.Join(",", page.Select(s => s.Json)) + "]");
    }

    private sealed record PublishedStatus(long Id, string Json, bool Local, string? Tag);

    private sealed record Subscriber(HttpContext Context, Func<PublishedStatus, bool> Filter, Channel<string> Frames);
}
