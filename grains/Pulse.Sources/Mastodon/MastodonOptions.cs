namespace Pulse.Sources.Mastodon;

/// <summary>Tunables of the Mastodon connector; the defaults suit a real instance, tests shorten the waits.</summary>
public sealed record MastodonOptions
{
    /// <summary>Largest server-sent event accepted (all its data lines); larger ones are skipped and counted.</summary>
    public int MaxEventBytes { get; init; } = 1 << 20;

    /// <summary>First wait after an error; doubles per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A stream that stayed open this long was healthy: the next error starts the backoff from the beginning.</summary>
    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No byte (not even a heartbeat, which Mastodon sends every few seconds) for this long: the stream is dead.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Upper bound on a wait a server asks for with rate-limit headers, against a bogus or skewed reset time.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Pages of <see cref="PageSize"/> fetched per back-fill; a larger gap is logged and the rest is lost.</summary>
    public int MaxBackfillPages { get; init; } = 250;

    /// <summary>Statuses per timeline page (Mastodon's maximum is 40).</summary>
    public int PageSize { get; init; } = 40;

    /// <summary>Status ids remembered to drop the overlap between back-fill and stream.</summary>
    public int RecentIds { get; init; } = 10_000;
}
