using System.Net;
using System.Net.Http.Headers;

namespace Pulse.Sources.Rss;

/// <summary>
/// One conditional GET of a feed with a bounded body. Turns everything the network does (status codes, resets, DNS
/// failures, timeouts) into a <see cref="FeedFetch"/>; only the caller's cancellation escapes as an exception.
/// </summary>
internal sealed class FeedFetcher(HttpClient http, TimeProvider time, RssConnectorOptions options)
{
    private const int MaxETagLength = 512;

    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    // Some feed hosts refuse requests without a User-Agent; a client configured with its own keeps it.
    private static readonly ProductInfoHeaderValue UserAgent = new("Pulse-RSS", "1.0");

    public async Task<FeedFetch> GetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", Accept);
            if (http.DefaultRequestHeaders.UserAgent.Count == 0)
            {
                request.Headers.UserAgent.Add(UserAgent);
            }

            // The validators go back exactly as the server sent them: a weak or oddly quoted ETag still matches.
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (lastModified is { } since)
            {
                request.Headers.IfModifiedSince = since;
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return await ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Ours (RequestTimeout, which also covers the body) or HttpClient.Timeout: either way the server was too slow.
            var limit = timeout.IsCancellationRequested ? options.RequestTimeout : http.Timeout;
            return new FeedFetch.Transient($"timed out after {limit.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException e)
        {
            // DNS failure, connection refused or reset, TLS errors: the message names which.
            return new FeedFetch.Transient(Describe(e), null);
        }
        catch (IOException e)
        {
            // The connection broke while the body was being read.
            return new FeedFetch.Transient(Describe(e), null);
        }
    }

    private async Task<FeedFetch> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FeedFetch.NotModified();
        }

        if (response.IsSuccessStatusCode)
        {
            if (response.Content.Headers.ContentLength is { } declared && declared > options.MaxBodyBytes)
            {
                return new FeedFetch.Oversized(declared);
            }

            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return body is null
                ? new FeedFetch.Oversized(null)
                : new FeedFetch.Document(body, ETag(response), response.Content.Headers.LastModified);
        }

        var problem = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        return status switch
        {
            // 429 and 5xx say "later" in so many words; 408 is the server's own timeout.
            429 or 408 or >= 500 => new FeedFetch.Transient(problem, RetryAfter(response)),

            // 404 stays transient: news sites return it for minutes during deploys and CMS migrations, and a feed that is
            // really gone costs one small request per back-off cap (15 min) while its status says "HTTP 404" plainly.
            // 410 is the server saying "gone for good", so that one fails.
            404 => new FeedFetch.Transient(problem, RetryAfter(response)),

            // 401/403 (a feed behind a login or blocking us), 410 and the rest of 4xx: the same request will get the same
            // answer, and SourceDefinition has no credentials an operator could fix for a feed, so retrying only hammers.
            >= 400 and < 500 => new FeedFetch.Permanent(problem),

            // A redirect HttpClient would not follow (a loop, no Location) or anything stranger: maybe a bad deploy.
            _ => new FeedFetch.Transient(problem, RetryAfter(response)),
        };
    }

    /// <summary>The body, or null once it grows past the limit (a chunked body declares no length up front).</summary>
    private async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > options.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>
    /// The ETag as sent, unparsed: plenty of servers send it unquoted, which the typed header rejects, and they still
    /// honour it in If-None-Match. An absurdly long one is dropped rather than carried in every cursor.
    /// </summary>
    private static string? ETag(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("ETag", out var values))
        {
            return null;
        }

        var etag = values.FirstOrDefault()?.Trim();
        return etag is { Length: > 0 and <= MaxETagLength } ? etag : null;
    }

    /// <summary>Retry-After as delta seconds or an HTTP date, relative to now; null when absent or already past.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The innermost message says what happened ("Name or service not known"), the outer ones only that it did.</summary>
    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, e) || e.Message.Contains(inner.Message, StringComparison.Ordinal) ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
