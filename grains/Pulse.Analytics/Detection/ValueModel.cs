namespace Pulse.Analytics.Detection;

/// <summary>What kind of numbers a detector observes; it decides the noise model.</summary>
public enum ValueModel
{
    /// <summary>Event counts per bucket (mentions, shares): over-dispersed Poisson, variance-stabilised, never calmer than Poisson.</summary>
    Counts,

    /// <summary>Any real-valued measurement (a CPU load, a price, a share): the noise scale is learned from the series alone.</summary>
    Measurements,
}
