using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Ingest.Durable;

/// <summary>How often partitions commit their log position in cluster mode (section "Pulse:Ingest").</summary>
public sealed class DurableIngestOptions
{
    public const string Section = "Pulse:Ingest";

    /// <summary>
    /// Each commit makes every (brand, channel) grain fed since the last one save its windows: shorter means less to
    /// replay after a crash, longer means fewer state writes to Redis.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A partition that keeps failing (a grain it feeds cannot be reached) and has neither delivered nor committed for
    /// this long is reported stalled in /healthz and logged as an error. 30 s is the longest a killed silo may hold up
    /// ingest by cluster mode's promise, so anything longer is a fault to act on, not failover in progress.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);
}
