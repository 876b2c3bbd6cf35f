using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// Bluesky's Jetstream: a WebSocket of JSON events (the v1 wire at <c>/subscribe</c>, which Jetstream v2 also serves),
/// filtered server-side to posts, likes and reposts. New posts become mentions. Likes, reposts, replies and quotes of a
/// post that ingest matched to a brand (since this run started, while it is among the <see cref="MatchedPosts"/>)
/// become that post's engagement; everything else only moves the cursor.
/// </summary>
/// <remarks>
/// <para>
/// Resuming: see <see cref="JetstreamCursor"/> for what is saved and <see cref="ResumePosition"/> for how a replay is
/// de-duplicated. The v2 endpoint (<c>/xrpc/network.bsky.jetstream.subscribeEvents</c>, proposal-0015 framing) is not
/// spoken here; a v2 server's sequence numbers are used when it sends them on the v1 wire (<c>cursor</c>).
/// </para>
/// <para>
/// Zstd compression (<c>compress=true</c> / dictionary frames) is not requested: JSON text at the post, like and repost
/// rate is a few MiB/s at most, and decompression would need a package and a dictionary. Binary frames are skipped and counted.
/// </para>
/// </remarks>
/// <param name="invoker">
/// What the WebSocket handshake goes through: the silo passes one over <see cref="Pulse.Grains.Outbound.OutboundConnectGuard"/>;
/// null connects directly (tests of the connector alone).
/// </param>
public sealed class JetstreamConnector(TimeProvider time, ILogger<JetstreamConnector> logger, JetstreamOptions? options = null, HttpMessageInvoker? invoker = null)
    : ISourceConnector
{
    private readonly JetstreamOptions _options = options ?? new JetstreamOptions();

    public SourceKind Kind => SourceKind.Jetstream;

    public async Task RunAsync(SourceDefinition source, string? cursor, ISourceSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);

        var endpoint = source.Url ?? JetstreamOptions.DefaultEndpoint;
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("ws" or "wss"))
        {
            // Retrying cannot fix a wrong scheme; the definition has to change.
            var problem = $"the Jetstream URL must be ws:// or wss://, not '{endpoint}'";
            JetstreamLog.Failed(logger, source.Id, problem);
            sink.StateChanged(SourceState.Failed, problem);
            return;
        }

        var saved = JetstreamCursor.Parse(cursor);
        if (saved is null && !string.IsNullOrWhiteSpace(cursor))
        {
            JetstreamLog.CursorUnreadable(logger, source.Id, cursor);
        }

        var position = new ResumePosition(endpoint.Authority, saved, _options.ResumeMargin, _options.RecentKeyCapacity);
        var session = new JetstreamSession(source, endpoint, position, sink, time, logger, _options, invoker);
        var backoff = new Backoff(_options.BackoffInitial, _options.BackoffMax, Random.Shared);
        while (!cancellationToken.IsCancellationRequested)
        {
            string problem;
            try
            {
                problem = await session.RunConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // whatever the network or the sink throws, the source backs off and reconnects
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = Describe(e);
            }

            // Reset only after a connection that made progress: a server that accepts and drops at once keeps backing off.
            if (session.EventsThisConnection > 0)
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            sink.StateChanged(SourceState.BackingOff, problem);
            JetstreamLog.BackingOff(logger, source.Id, problem, session.EventsThisConnection, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Describe(Exception e)
    {
        var text = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
        return text.Length <= 300 ? text : text[..300];
    }
}
