using System.ComponentModel.DataAnnotations;
using Pulse.Analytics.Detection;

namespace Pulse.Grains.Alerts;

/// <summary>How live detection runs in the (brand, channel) grains (section "Pulse:Alerts").</summary>
public sealed class AlertOptions
{
    public const string Section = "Pulse:Alerts";

    public Sensitivity Sensitivity { get; set; } = Sensitivity.Normal;

    /// <summary>Live detection's bucket: short enough to alert within seconds, long enough to hold a few mentions.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Bucket { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long before a detector trusts its baseline at live resolution.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Detections below this severity (1..10) do not open alerts: a blip is not an incident.</summary>
    [Range(1, 10)]
    public int MinimumSeverity { get; set; } = 2;

    /// <summary>
    /// Shares + comments a live bucket must reach before an engagement surge counts as viral: heavy-tailed
    /// engagement makes small absolute jumps look huge against a near-zero baseline.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long ViralMinimumEngagement { get; set; } = 10_000;

    /// <summary>Quiet time after an incident before the same channel may alert again (escalations still pass).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Refractory { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Signals of any kind within this time of an open alert's last update join that alert (as a facet).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MergeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>These options with a brand's own sensitivity, or unchanged for null.</summary>
    public AlertOptions WithSensitivity(Sensitivity? brandSensitivity)
    {
        if (brandSensitivity is not { } sensitivity)
        {
            return this;
        }

        var copy = (AlertOptions)MemberwiseClone();
        copy.Sensitivity = sensitivity;
        return copy;
    }

    /// <summary>
    /// The detector's settings at live resolution: the shipped defaults for the bucket size, with warm-up and
    /// refractory in wall-clock terms that suit seconds-scale buckets (a 2 h warm-up would hide a fresh brand's first crisis).
    /// </summary>
    public DetectorSettings LiveSettings()
    {
        var settings = DetectorSettings.For(Sensitivity, Bucket) with
        {
            WarmUpBuckets = Math.Max(2, (int)(WarmUp / Bucket)),
            RefractoryBuckets = (int)(Refractory / Bucket),
            MinimumSeverity = MinimumSeverity,
            DropMinimumBuckets = Math.Max(1, (int)(TimeSpan.FromMinutes(2) / Bucket)),
            LevelHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromMinutes(5) / Bucket),
            ScaleHalfLifeBuckets = Math.Max(1.0, TimeSpan.FromMinutes(10) / Bucket),
        };
        settings.Validate();
        return settings;
    }
}
