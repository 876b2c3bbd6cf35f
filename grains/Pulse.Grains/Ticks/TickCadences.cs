using Microsoft.Extensions.Options;
using Pulse.Grains.Channels;

namespace Pulse.Grains.Ticks;

/// <summary>The silo's tick budgets: one for its (brand, channel) grains, one for its brand grains.</summary>
internal sealed class TickCadences(IOptions<ChannelWindowOptions> options)
{
    public TickCadence Channels { get; } = new(options.Value.TicksPerSecond);

    public TickCadence Brands { get; } = new(options.Value.TicksPerSecond);
}
