namespace Pulse.Grains.Stats;

/// <summary>One channel's window stats; serialises flat (channel beside the figures).</summary>
[GenerateSerializer, Immutable]
public sealed record ChannelStats : WindowStats
{
    public ChannelStats(string channel, WindowStats stats) : base(stats) => Channel = channel;

    [Id(0)]
    public string Channel { get; init; }
}
