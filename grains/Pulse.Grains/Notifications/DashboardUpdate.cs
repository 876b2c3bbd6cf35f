using Pulse.Grains.Alerts;
using Pulse.Grains.Feeds;

namespace Pulse.Grains.Notifications;

/// <summary>
/// A batch of live updates for one web host to forward to its browsers. <see cref="DataGaps"/> is null from a silo of a
/// version before data gaps (an optional field: old hosts skip it, new hosts read its absence as null).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DashboardUpdate(
    [property: Id(0)] ChannelSnapshot[] Channels,
    [property: Id(1)] BrandSummary[] Brands,
    [property: Id(2)] Alert[] Alerts,
    [property: Id(3)] DataGap[]? DataGaps = null);
