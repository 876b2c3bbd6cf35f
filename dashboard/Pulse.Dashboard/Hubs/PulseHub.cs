using Microsoft.AspNetCore.SignalR;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Browsers join groups here and only listen: grains push through <see cref="Live.HubForwarder"/>.
/// Groups are per connection, so clients re-subscribe after a reconnect.
/// </summary>
public sealed class PulseHub : Hub
{
    public Task SubscribeOverview() => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Overview);

    public Task UnsubscribeOverview() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Overview);

    public Task SubscribeBrand(string brandId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Brand(brandId));

    public Task UnsubscribeBrand(string brandId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Brand(brandId));
}
