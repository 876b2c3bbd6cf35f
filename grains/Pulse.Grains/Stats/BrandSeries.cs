namespace Pulse.Grains.Stats;

/// <summary>A brand's per-channel time series at one resolution, for charts.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandSeries(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Resolution,
    [property: Id(2)] double StepSeconds,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] ChannelSeries[] Channels);
