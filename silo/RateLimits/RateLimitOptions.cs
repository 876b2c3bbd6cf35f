using System.ComponentModel.DataAnnotations;

namespace Pulse.Silo.RateLimits;

/// <summary>
/// Per-client rate limits (section "Pulse:RateLimits", validated at start). A client is an IP address for now
/// (<see cref="RateLimitPartitions"/>). The defaults sit far above what a real client needs, so they only stop floods:
/// a collector posting 1 000-mention batches several times a second uses about 1 % of the ingest budget, and `pulse-load`
/// at full speed on two cores (about 180 batches a second over 8 connections) stays under it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Pulse:RateLimits";

    /// <summary>Off, every policy lets everything through: for a host behind a gateway that limits already.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Ingest requests per client and second, sustained: 500 full batches is more than a silo processes.</summary>
    [Range(1, 1_000_000)]
    public int IngestRequestsPerSecond { get; set; } = 500;

    /// <summary>Ingest requests a client may send at once above the sustained rate (a collector catching up after a gap).</summary>
    [Range(1, 1_000_000)]
    public int IngestBurst { get; set; } = 1000;

    /// <summary>
    /// Ingest requests handled at once by this host, all clients together. Each may buffer a body of up to
    /// <c>Pulse:Ingest:MaxBodyBytes</c> (8 MB), so 32 bound that memory at 256 MB, while 2 cores are saturated by far fewer.
    /// </summary>
    [Range(1, 10_000)]
    public int IngestConcurrency { get; set; } = 32;

    /// <summary>Ingest requests that wait (oldest first) for one of <see cref="IngestConcurrency"/>; beyond it they get 429.</summary>
    [Range(0, 100_000)]
    public int IngestQueue { get; set; } = 64;

    /// <summary>Writes (brands, sources, alert settings, acknowledge, resolve) per client and second, sustained.</summary>
    [Range(1, 100_000)]
    public int WritesPerSecond { get; set; } = 20;

    /// <summary>Writes a client may send at once: a script creating a hundred brands is not slowed down.</summary>
    [Range(1, 100_000)]
    public int WritesBurst { get; set; } = 100;

    /// <summary>
    /// Sign-in attempts per client address and minute, sustained: a person retrying a typo needs a few; an office behind
    /// one NAT address signing in at shift change is covered by <see cref="SignInBurst"/>.
    /// </summary>
    [Range(1, 10_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts a client address may make at once above the sustained rate.</summary>
    [Range(1, 10_000)]
    public int SignInBurst { get; set; } = 20;

    /// <summary>How often the token buckets refill; the per-second figures above are scaled to it (sign-in refills per minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
