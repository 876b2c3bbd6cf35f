using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Channels;

/// <summary>How (brand, channel) grains keep their windows (section "Pulse:Windows").</summary>
public sealed class ChannelWindowOptions
{
    public const string Section = "Pulse:Windows";

    /// <summary>A mention id seen again within this horizon counts once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DedupHorizon { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many recent mentions each (brand, channel) keeps for the live feed.</summary>
    [Range(1, 500)]
    public int LatestMentions { get; set; } = 20;

    /// <summary>At most this many snapshots per second and grain reach the dashboards.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
