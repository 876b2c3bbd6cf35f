using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// One source's connection loop and its state: the cursor (newest status id applied), the recent ids that de-duplicate
/// back-fill against stream, the backoff and the rate-limit pace. Lives for one <see cref="MastodonConnector.RunAsync"/>.
/// </summary>
internal sealed partial class MastodonRun(
    HttpClient http,
    TimeProvider clock,
    ILogger logger,
    MastodonOptions options,
    SourceDefinition source,
    MastodonEndpoints endpoints,
    ISourceSink sink,
    string? cursor)
{
    internal const string Malformed = "malformed";
    internal const string Oversized = "oversized";

    private readonly ILogger _logger = logger;
    private readonly RecentIds _seen = new(options.RecentIds);
    private readonly Backoff _backoff = new(options.InitialBackoff, options.MaxBackoff);
    private string? _cursor = cursor;
    private DateTimeOffset? _liveSince;
    private Uri? _stream; // the stream URL on the host the instance announces, found once per run

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            sink.StateChanged(SourceState.Connecting);
            _liveSince = null;
            TimeSpan delay;
            string problem;
            try
            {
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
                problem = "The instance closed the stream.";
                delay = NextBackoff();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (MastodonResponseException e) when (e.IsFatal)
            {
                LogFailed(source.Id, e.Message);
                sink.StateChanged(SourceState.Failed, e.Message);
                return;
            }
            catch (MastodonResponseException e) when (e.RetryAt is { } retryAt)
            {
                problem = e.Message;
                var wait = retryAt - clock.GetUtcNow();
                delay = wait < options.InitialBackoff ? options.InitialBackoff : wait > options.MaxRateLimitWait ? options.MaxRateLimitWait : wait;
            }
#pragma warning disable CA1031 // whatever the network (or a bug in handling it) throws, the source backs off and retries
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = Describe(e);
                delay = NextBackoff();
            }

            LogBackingOff(source.Id, delay, problem);
            sink.StateChanged(SourceState.BackingOff, problem);
            try
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Opens the stream first and only then back-fills: what is published during the back-fill waits in the open stream,
    /// so back-fill and stream overlap (de-duplicated by id) instead of leaving a gap between them.
    /// </summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _stream ??= await StreamUrlAsync(cancellationToken).ConfigureAwait(false);
        using var request = Get(_stream, "text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType is { } type && !type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The streaming endpoint answered {type}, not text/event-stream: is this a Mastodon instance?");
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (_cursor is not null)
            {
                await BackfillAsync(cancellationToken).ConfigureAwait(false);
            }

            _liveSince = clock.GetUtcNow();
            LogLive(source.Id, _stream.AbsolutePath, _cursor);
            sink.StateChanged(SourceState.Live);
            await ReadStreamAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hands new statuses to the sink in one call and moves the cursor past them; repeats and boosts add no mention.</summary>
    private async ValueTask ApplyAsync(List<MastodonStatus> statuses, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mentions = new List<Mention>(statuses.Count);
        var cursor = _cursor;
        foreach (var status in statuses)
        {
            if (!StatusId.IsValid(status.Id))
            {
                sink.Skipped(1, Malformed);
                continue;
            }

            if (!_seen.Add(status.Id!))
            {
                continue; // came by both back-fill and stream
            }

            if (status.Reblog is not null)
            {
                cursor = StatusId.Max(cursor, status.Id);
                continue; // a boost repeats a post that counts once, as itself
            }

            if (StatusMentions.ToMention(status, source, now) is { } mention)
            {
                mentions.Add(mention);
                cursor = StatusId.Max(cursor, status.Id);
            }
            else
            {
                // Its id does not move the cursor either: a garbage id must not make the next back-fill skip real statuses.
                sink.Skipped(1, Malformed);
            }
        }

        if (mentions.Count > 0 || cursor != _cursor)
        {
            await sink.AcceptAsync(mentions, cursor, cancellationToken).ConfigureAwait(false);
            _cursor = cursor; // only once ingest has them: a crash before this re-reads them, never skips them
        }
    }

    private async Task<Uri> StreamUrlAsync(CancellationToken cancellationToken)
    {
        if (await StreamingHost.DiscoverAsync(http, endpoints.Root, cancellationToken).ConfigureAwait(false) is not { } host)
        {
            return endpoints.Stream;
        }

        var stream = StreamingHost.Rebase(endpoints.Stream, host);
        if (stream.Authority != endpoints.Stream.Authority)
        {
            LogStreamingHost(source.Id, stream.Authority);
        }

        return stream;
    }

    private HttpRequestMessage Get(Uri uri, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var detail = await ErrorDetail.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var message = status switch
        {
            401 or 403 => $"The instance refused the token (HTTP {status}{detail}): it is missing, wrong, revoked or lacks the read:statuses scope.",
            429 => $"Rate limited by the instance (HTTP 429{detail}).",
            >= 400 and < 500 and not 408 => $"The instance rejected {response.RequestMessage?.RequestUri?.AbsolutePath} (HTTP {status}{detail}): check the instance URL, stream and hashtag.",
            _ => $"The instance answered HTTP {status}{detail}.",
        };
        throw new MastodonResponseException(
            response.StatusCode,
            message,
            status == 429 ? RateLimit.RetryAt(response.Headers, clock.GetUtcNow()) : null);
    }

    private TimeSpan NextBackoff()
    {
        if (_liveSince is { } since && clock.GetUtcNow() - since >= options.HealthyAfter)
        {
            _backoff.Reset();
        }

        return _backoff.Next();
    }

    private static string Describe(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: var kind } => $"Network error ({kind}): {e.Message}",
        OperationCanceledException => "The request timed out.",
        _ => e.Message,
    };
}
