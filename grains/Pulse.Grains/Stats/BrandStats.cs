namespace Pulse.Grains.Stats;

/// <summary>A brand's stats over one window: in total and per channel.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandStats(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Window,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] WindowStats Total,
    [property: Id(5)] ChannelStats[] Channels);
