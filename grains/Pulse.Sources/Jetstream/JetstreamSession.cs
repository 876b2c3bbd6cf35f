using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// One source's connections, one at a time: connect, read frames, batch events, hand batches to the sink. Lives for
/// one <c>RunAsync</c>; its <see cref="ResumePosition"/> carries across reconnects.
/// </summary>
internal sealed class JetstreamSession(
    SourceDefinition source,
    Uri endpoint,
    ResumePosition position,
    ISourceSink sink,
    TimeProvider time,
    ILogger logger,
    JetstreamOptions options,
    HttpMessageInvoker? invoker)
{
    private readonly List<JetstreamEvent> _batch = new(options.BatchMaxEvents);
    private readonly MatchedPosts _matched = new(options.MatchedPostCapacity, options.MatchedPostMaxBytes);
    private Task? _flushDue;
    private long _duplicates;

    /// <summary>Events delivered on the current (or last) connection: a connection that delivered some was healthy.</summary>
    public long EventsThisConnection { get; private set; }

    /// <summary>Runs one connection until it ends; returns why it ended, throws on a network or sink error.</summary>
    public async Task<string> RunConnectionAsync(CancellationToken cancellationToken)
    {
        EventsThisConnection = 0;
        _duplicates = 0;
        var url = JetstreamUrl.Subscribe(endpoint, position.RequestCursor());
        sink.StateChanged(SourceState.Connecting);
        JetstreamLog.Connecting(logger, source.Id, url);
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAlive;
        socket.Options.KeepAliveTimeout = options.KeepAlive;
        await ConnectAsync(socket, url, cancellationToken).ConfigureAwait(false);
        sink.StateChanged(SourceState.Live);
        JetstreamLog.Live(logger, source.Id);

        using var reader = new FrameReader(socket, options.MaxFrameBytes);
        try
        {
            return await PumpAsync(socket, reader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && _batch.Count > 0)
        {
            // The connection broke, but the events already read are whole: deliver them before backing off.
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (_duplicates > 0)
            {
                JetstreamLog.DuplicatesDropped(logger, source.Id, _duplicates);
            }
        }
    }

    private async Task ConnectAsync(ClientWebSocket socket, Uri url, CancellationToken cancellationToken)
    {
        // A server that accepts TCP but never answers the upgrade would otherwise hold the source in Connecting forever.
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await (invoker is null ? socket.ConnectAsync(url, linked.Token) : socket.ConnectAsync(url, invoker, linked.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no WebSocket handshake within {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
    }

    private async Task<string> PumpAsync(ClientWebSocket socket, FrameReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_flushDue is { IsCompleted: true })
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            FrameKind kind;
            var pending = reader.ReadAsync(cancellationToken);
            if (!pending.IsCompleted && _flushDue is not null)
            {
                // The stream is quiet with a part-filled batch: deliver it when it is due rather than when the next
                // frame happens to come. The read stays outstanding meanwhile (one read at a time, as WebSocket needs).
                var read = pending.AsTask();
                if (await Task.WhenAny(read, _flushDue).ConfigureAwait(false) != read)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                kind = await read.ConfigureAwait(false);
            }
            else
            {
                kind = await pending.ConfigureAwait(false);
            }

            switch (kind)
            {
                case FrameKind.Closed:
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                    return $"the server closed the connection ({socket.CloseStatus?.ToString() ?? "no status"}"
                        + (string.IsNullOrEmpty(socket.CloseStatusDescription) ? ")" : $": {socket.CloseStatusDescription})");
                case FrameKind.Oversized:
                    Skip($"frame over {options.MaxFrameBytes} bytes");
                    break;
                case FrameKind.Binary:
                    Skip("binary frame (compression is not supported)");
                    break;
                default:
                    Accept(reader.Frame);
                    break;
            }

            if (_batch.Count >= options.BatchMaxEvents)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Accept(ReadOnlySpan<byte> frame)
    {
        if (!JetstreamFrameParser.TryParse(frame, source.Channel, out var e))
        {
            Skip("malformed event");
            return;
        }

        if (position.IsDuplicate(e))
        {
            _duplicates++;
            return;
        }

        _batch.Add(e);
        _flushDue ??= Task.Delay(options.BatchMaxDelay, time);
    }

    private void Skip(string reason)
    {
        sink.Skipped(1, reason);
        JetstreamLog.FrameSkipped(logger, source.Id, reason);
    }

    /// <summary>Hands the batch to the sink and waits (the backpressure), then records it as applied.</summary>
    /// <remarks>
    /// Two hand-overs when the batch holds engagement: the posts first, so ingest says which of them match a brand and
    /// engagement on them later in the same batch finds them; then the engagement on matched posts, with the cursor.
    /// </remarks>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushDue = null;
        if (_batch.Count == 0)
        {
            return;
        }

        // A new list each time: the sink may keep it. Sized by a first pass so it is allocated once.
        var posts = 0;
        var engaging = false;
        long newestUs = 0;
        foreach (var e in _batch)
        {
            posts += e.Mention is null ? 0 : 1;
            engaging |= e.Engagements is not null;
            newestUs = Math.Max(newestUs, e.TimeUs);
        }

        var mentions = new List<Mention>(posts);
        foreach (var e in _batch)
        {
            if (e.Mention is { } m)
            {
                mentions.Add(m);
            }
        }

        var cursor = position.After(_batch).Format();
        if (mentions.Count > 0 || !engaging)
        {
            var outcome = await sink.AcceptAsync(mentions, engaging ? null : cursor, cancellationToken).ConfigureAwait(false);
            foreach (var matched in outcome.MatchedMentions)
            {
                _matched.Add(matched);
            }
        }

        if (engaging)
        {
            await sink.AcceptAsync(EngagementOnMatchedPosts(), cursor, cancellationToken).ConfigureAwait(false);
        }

        foreach (var e in _batch)
        {
            position.Applied(e);
        }

        sink.Received(_batch.Count, DateTimeOffset.UnixEpoch.AddTicks(newestUs * TimeSpan.TicksPerMicrosecond));
        EventsThisConnection += _batch.Count;
        _batch.Clear();
    }

    /// <summary>
    /// The batch's engagement on posts ingest matched (since this run started, while remembered), as mentions that carry
    /// the post's text and author, so matching routes them to that post's brands. Engagement on other posts is dropped.
    /// </summary>
    private List<Mention> EngagementOnMatchedPosts()
    {
        var engagement = new List<Mention>();
        foreach (var e in _batch)
        {
            if (e.Engagements is not { } all)
            {
                continue;
            }

            foreach (var one in all)
            {
                if (_matched.TryGet(one.Subject, out var post))
                {
                    engagement.Add(new Mention(
                        Id: one.Id,
                        Channel: source.Channel,
                        Text: post.Text,
                        Timestamp: DateTimeOffset.UnixEpoch.AddTicks(e.TimeUs * TimeSpan.TicksPerMicrosecond),
                        Author: post.Author,
                        Lang: post.Lang,
                        Likes: one.Kind == EngagementKind.Like ? 1 : 0,
                        Shares: one.Kind is EngagementKind.Repost or EngagementKind.Quote ? 1 : 0,
                        Comments: one.Kind == EngagementKind.Reply ? 1 : 0,
                        EngagementOf: post.Id));
                }
            }
        }

        return engagement;
    }
}
