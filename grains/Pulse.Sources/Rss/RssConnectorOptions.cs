namespace Pulse.Sources.Rss;

/// <summary>Limits of the RSS connector; the defaults suit public news feeds.</summary>
public sealed record RssConnectorOptions
{
    /// <summary>
    /// Bodies larger than this (after decompression) are skipped: real feeds are well below 1 MiB, and the whole body is
    /// held in memory while it is parsed.
    /// </summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// One request, body included. <see cref="HttpClient.Timeout"/> does not cover a body that trickles in after the
    /// headers, so the connector enforces its own.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest exponential back-off; a poll interval longer than this wins (never poll faster than asked).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest <c>Retry-After</c> obeyed: a server asking for a week (or a misparsed date) must not silence a source
    /// for that long without anyone noticing.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Ids remembered as accepted, newest kept. Feeds show their last 10–100 items, so 2,048 covers the window many times
    /// over while the cursor stays about 22 KB; a document with more items than this keeps all of its own.
    /// </summary>
    public int RememberedIds { get; init; } = 2048;
}
