using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pulse.Testing.Jetstream;

/// <summary>
/// A local stand-in for a Jetstream instance: Kestrel on 127.0.0.1 speaking the v1 <c>/subscribe</c> wire. It serves
/// the frames it was given, honours <c>cursor</c> (time_us at or above 10^15, else a v2 sequence when
/// <see cref="SendSequence"/>) and <c>wantedCollections</c>, can drop a connection after a number of frames, hold one
/// open at a point, and be stopped and started again on the same port. Without a cursor it sends everything in the
/// order added (the test's "now" is before its first frame); with one, in time order, as Jetstream replays its store.
/// With <see cref="Live"/>, a frame goes out no sooner than the wall clock reaches its time: a stream at the pace its
/// times say, whose reconnects replay the past at once and then follow the present.
/// </summary>
public sealed class JetstreamTestServer(int port) : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    // Guarded by _gate: a context is aborted only while its handler has not yet left (Kestrel reuses ended contexts).
    private readonly HashSet<HttpContext> _open = [];
    private WebApplication? _app;
    private int _dropAfterNext = -1;
    private long _framesSent;

    public int Port => port;

    public Uri Url => new($"ws://127.0.0.1:{port}/subscribe");

    /// <summary>The raw <c>cursor</c> of each connection, in order (null: none).</summary>
    public ConcurrentQueue<string?> CursorsAsked { get; } = new();

    public bool HonourCollectionFilter { get; set; } = true;

    /// <summary>Jetstream v2 on the v1 wire: each event carries <c>"cursor": seq</c> and small cursors are sequences.</summary>
    public bool SendSequence { get; set; }

    /// <summary>
    /// When true, each frame is sent when the wall clock reaches its time_us (a raw frame's order time), not before: a
    /// live instance, where a connection gets what already happened (from its cursor) at once and the rest as it happens.
    /// </summary>
    public bool Live { get; set; }

    /// <summary>Frames sent over all connections so far (replays included).</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>When set, connections stop sending (but stay open) once this many frames have gone out.</summary>
    public int? HoldAfterFrames { get; set; }

    /// <summary>The next connection is aborted after this many frames.</summary>
    public void DropNextConnectionAfter(int frames) => Volatile.Write(ref _dropAfterNext, frames);

    /// <summary>Adds a JSON event frame; its time_us, kind and collection are read from it.</summary>
    public void AddEvent(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var collection = root.TryGetProperty("commit", out var commit) && commit.TryGetProperty("collection", out var c)
            ? c.GetString()
            : null;
        Add(new Entry(root.GetProperty("time_us").GetInt64(), Encoding.UTF8.GetBytes(json), Binary: false, collection, Json: true));
    }

    /// <summary>Adds a frame that is not a well-formed event, ordered as if it were at <paramref name="orderUs"/>.</summary>
    public void AddRaw(long orderUs, byte[] payload, bool binary = false) =>
        Add(new Entry(orderUs, payload, binary, Collection: null, Json: false));

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/subscribe", HandleAsync);
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops as a crashing or restarting server would: open connections are cut, the port closes.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        lock (_gate)
        {
            foreach (var context in _open)
            {
                context.Abort();
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry with { Seq = _entries.Count + 1 });
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var cursorText = context.Request.Query["cursor"].FirstOrDefault();
        CursorsAsked.Enqueue(cursorText);
        var wanted = context.Request.Query["wantedCollections"].OfType<string>().ToHashSet();
        var frames = Select(cursorText, wanted);
        var dropAfter = Interlocked.Exchange(ref _dropAfterNext, -1);

        lock (_gate)
        {
            _open.Add(context);
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var aborted = context.RequestAborted;
            var sent = 0;
            foreach (var entry in frames)
            {
                if (sent == dropAfter)
                {
                    context.Abort(); // a dropped connection: no close frame
                    return;
                }

                if (sent == HoldAfterFrames)
                {
                    break;
                }

                if (Live && DueIn(entry) is { } wait)
                {
                    await Task.Delay(wait, aborted);
                }

                var payload = SendSequence && entry.Json ? WithSequence(entry) : entry.Payload;
                await socket.SendAsync(payload, entry.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, aborted);
                Interlocked.Increment(ref _framesSent);
                sent++;
            }

            // Stay open and quiet, as a live stream between events, until the client or the test ends it.
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(context);
            }
        }
    }

    private List<Entry> Select(string? cursorText, HashSet<string> wanted)
    {
        List<Entry> all;
        lock (_gate)
        {
            all = [.. _entries];
        }

        IEnumerable<Entry> frames = all;
        if (long.TryParse(cursorText, out var cursor))
        {
            frames = cursor >= 1_000_000_000_000_000
                ? all.Where(e => e.TimeUs >= cursor).OrderBy(e => e.TimeUs)
                : all.Where(e => e.Seq >= cursor);
        }

        if (HonourCollectionFilter && wanted.Count > 0)
        {
            // As Jetstream v1: the filter applies to commits; identity and account events always come through.
            frames = frames.Where(e => e.Collection is null || wanted.Contains(e.Collection));
        }

        return [.. frames];
    }

    /// <summary>How long until the wall clock reaches the frame's time; null when it has.</summary>
    private static TimeSpan? DueIn(Entry entry)
    {
        var wait = DateTimeOffset.UnixEpoch.AddTicks(entry.TimeUs * TimeSpan.TicksPerMicrosecond) - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static byte[] WithSequence(Entry entry)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"cursor\":{entry.Seq},");
        return [.. prefix, .. entry.Payload.AsSpan(1)];
    }

    private sealed record Entry(long TimeUs, byte[] Payload, bool Binary, string? Collection, bool Json)
    {
        public long Seq { get; init; }
    }
}
