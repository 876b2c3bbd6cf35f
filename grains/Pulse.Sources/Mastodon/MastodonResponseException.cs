using System.Net;

namespace Pulse.Sources.Mastodon;

/// <summary>An HTTP answer from the instance that is not a success, classified for the connector's loop.</summary>
internal sealed class MastodonResponseException(HttpStatusCode status, string message, DateTimeOffset? retryAt = null) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>When a 429 may be retried, from the rate-limit headers; null: use the ordinary backoff.</summary>
    public DateTimeOffset? RetryAt { get; } = retryAt;

    /// <summary>
    /// Retrying cannot help: a wrong, expired or under-scoped token (401/403) or a request the instance rejects as such
    /// (a 4xx other than 408 and 429: a wrong URL or hashtag). The source needs a changed definition.
    /// </summary>
    public bool IsFatal => (int)Status is >= 400 and < 500 && Status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;
}
