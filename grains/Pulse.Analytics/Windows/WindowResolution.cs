namespace Pulse.Analytics.Windows;

/// <summary>One ring of a <see cref="WindowLayout"/>: bucket width and how many buckets it keeps.</summary>
public readonly record struct WindowResolution(TimeSpan Resolution, int Capacity)
{
    /// <summary>How far back this ring reaches: <see cref="Resolution"/> x <see cref="Capacity"/>.</summary>
    public TimeSpan Horizon => TimeSpan.FromTicks(checked(Resolution.Ticks * Capacity));
}
