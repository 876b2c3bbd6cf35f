using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Alerts;

// The alert model as Pulse stored and sent it before kinds, states and sensitivities were enums (648fee0): the same
// field ids, strings where the enums are now. Only for reading each other's bytes in AlertWireFormatTests.

[GenerateSerializer]
public sealed class LegacyBrandAlertsState
{
    [Id(0)]
    public long NextNumber { get; set; } = 1;

    [Id(1)]
    public List<LegacyAlert> Alerts { get; set; } = [];

    [Id(2)]
    public LegacyAlertSettings Settings { get; set; } = new(null, [], 1, null, []);
}

[GenerateSerializer, Immutable]
public sealed record LegacyAlert(
    [property: Id(0)] string Id,
    [property: Id(1)] string BrandId,
    [property: Id(2)] string BrandName,
    [property: Id(3)] string[] Channels,
    [property: Id(4)] string Kind,
    [property: Id(5)] int Severity,
    [property: Id(6)] string State,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] double Value,
    [property: Id(10)] double Expected,
    [property: Id(11)] string Message,
    [property: Id(12)] AlertWhy Why,
    [property: Id(13)] AlertAction[] History,
    [property: Id(14)] WebhookDelivery[] Deliveries);

[GenerateSerializer, Immutable]
public sealed record LegacyAlertSettings(
    [property: Id(0)] string? Sensitivity,
    [property: Id(1)] string[] Channels,
    [property: Id(2)] int WebhookMinimumSeverity,
    [property: Id(3)] QuietHours? QuietHours,
    [property: Id(4)] WebhookTarget[] Webhooks);

[GenerateSerializer, Immutable]
public sealed record LegacyAlertSignal(
    [property: Id(0)] string BrandId,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Severity,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] double Value,
    [property: Id(6)] double Expected,
    [property: Id(7)] AlertWhy Why);

// DashboardUpdate before data gaps (issue 12): the same field ids without DataGaps (3).
[GenerateSerializer, Immutable]
public sealed record LegacyDashboardUpdate(
    [property: Id(0)] Pulse.Grains.Notifications.ChannelSnapshot[] Channels,
    [property: Id(1)] Pulse.Grains.Notifications.BrandSummary[] Brands,
    [property: Id(2)] Alert[] Alerts);
