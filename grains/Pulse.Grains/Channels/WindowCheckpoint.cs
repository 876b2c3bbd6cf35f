using Pulse.Analytics.Windows;

namespace Pulse.Grains.Channels;

/// <summary>One saved ring: <see cref="RollingWindowState"/> in Orleans-serializable fields (non-empty buckets only).</summary>
[GenerateSerializer]
internal sealed record WindowCheckpoint(
    [property: Id(0)] TimeSpan Resolution,
    [property: Id(1)] int Capacity,
    [property: Id(2)] long Head,
    [property: Id(3)] int[] Ages,
    [property: Id(4)] BucketCheckpoint[] Buckets)
{
    public static WindowCheckpoint From(RollingWindowState state) =>
        new(state.Resolution, state.Capacity, state.Head, state.Ages, [.. state.Buckets.Select(b => BucketCheckpoint.From(b))]);

    public RollingWindowState ToState() =>
        new(Resolution, Capacity, Head, Ages, [.. Buckets.Select(b => b.ToBucket())]);
}
