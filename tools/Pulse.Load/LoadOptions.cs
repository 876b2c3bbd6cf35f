namespace Pulse.Load;

/// <summary>Arguments of <c>pulse-load</c>, validated by <see cref="LoadArguments"/>.</summary>
/// <param name="Rate">Mentions per second to offer; null means as fast as the server takes them (<c>--max</c>).</param>
/// <param name="Warmup">Sent before <paramref name="Duration"/> at the same rate and left out of every figure: a fresh silo
/// spends its first seconds compiling (tiered JIT), which is not its sustained rate.</param>
/// <param name="Redis">When set, mentions are appended to the ingest log in Redis instead of POSTed.</param>
/// <param name="KeyFile">A file holding the API key (admin: it sets up brands and ingests) the requests carry.</param>
/// <param name="Spread">How traffic spreads over the brands.</param>
/// <param name="ServerPid">A Pulse process on this machine whose memory (/proc/PID/status) the report gives.</param>
internal sealed record LoadOptions(
    IReadOnlyList<Uri> Urls,
    double? Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Brands,
    int Batch,
    int Connections,
    bool SetupBrands,
    string? Redis,
    string ClusterId,
    int Partitions,
    string? ReportPath,
    ulong Seed,
    string? KeyFile = null,
    BrandSpread Spread = BrandSpread.Zipf,
    int? ServerPid = null)
{
    /// <summary>The environment variable holding the key when no <c>--key-file</c> is given (argv would show it).</summary>
    public const string KeyVariable = "PULSE_API_KEY";

    public const int DefaultBrands = 1000;
    public const int DefaultBatch = 1000;
    public const int DefaultConnections = 8;
    public const string DefaultClusterId = "pulse";
    public const int DefaultPartitions = 8;
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Mentions per request. When paced, batches shrink so that about 20 go out per second: the rate stays smooth and
    /// latency probes, which ride along in the next batch, are not held back for long.
    /// </summary>
    public int EffectiveBatch => Rate is { } rate ? (int)Math.Clamp(rate / 20, 1, Batch) : Batch;
}
