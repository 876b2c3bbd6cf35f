namespace Pulse.Sources.Rss;

/// <summary>What one conditional GET of a feed came to.</summary>
internal abstract record FeedFetch
{
    private FeedFetch()
    {
    }

    /// <summary>A 200 with a body within the limit, and the validators for the next conditional GET.</summary>
    public sealed record Document(byte[] Body, string? ETag, DateTimeOffset? LastModified) : FeedFetch;

    /// <summary>A 304: nothing changed since the validators we sent.</summary>
    public sealed record NotModified : FeedFetch;

    /// <summary>A 200 whose body is over the limit; it was not read (or not read to the end).</summary>
    public sealed record Oversized(long? DeclaredBytes) : FeedFetch;

    /// <summary>Worth retrying later: 429, 5xx, 404, network errors and timeouts; with the server's Retry-After if any.</summary>
    public sealed record Transient(string Problem, TimeSpan? RetryAfter) : FeedFetch;

    /// <summary>Retrying the same request cannot help (401, 403, 410, most other 4xx).</summary>
    public sealed record Permanent(string Problem) : FeedFetch;
}
