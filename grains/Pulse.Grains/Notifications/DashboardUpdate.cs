using Pulse.Grains.Alerts;

namespace Pulse.Grains.Notifications;

/// <summary>A batch of live updates for one web host to forward to its browsers.</summary>
[GenerateSerializer, Immutable]
public sealed record DashboardUpdate(
    [property: Id(0)] ChannelSnapshot[] Channels,
    [property: Id(1)] BrandSummary[] Brands,
    [property: Id(2)] Alert[] Alerts);
