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

    /// <summary>
    /// Timer ticks a second the silo allows its (brand, channel) grains together, and its brand grains together: below
    /// this many active grains each ticks every second, above it they tick less often (see <see cref="Ticks.TickCadence"/>).
    /// 10 000 turns of ≈ 5 µs are ≈ 2.5 % of two cores.
    /// </summary>
    [Range(100, 10_000_000)]
    public int TicksPerSecond { get; set; } = 10_000;
}
