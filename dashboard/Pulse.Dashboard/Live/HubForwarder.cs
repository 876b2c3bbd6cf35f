using Microsoft.AspNetCore.SignalR;
using Pulse.Dashboard.Hubs;
using Pulse.Grains.Notifications;

namespace Pulse.Dashboard.Live;

/// <summary>This web host's observer: forwards grain updates to its browsers, one message per group per batch.</summary>
internal sealed class HubForwarder(IHubContext<PulseHub> hub) : IDashboardObserver
{
    public async Task OnUpdateAsync(DashboardUpdate update)
    {
        var sends = new List<Task>();
        if (update.Brands.Length > 0)
        {
            sends.Add(hub.Clients.Group(HubGroups.Overview).SendAsync(HubEvents.BrandSummaries, update.Brands));
        }

        foreach (var group in update.Channels.GroupBy(c => HubGroups.Brand(c.BrandId)))
        {
            sends.Add(hub.Clients.Group(group.Key).SendAsync(HubEvents.ChannelSnapshots, group.ToArray()));
        }

        if (update.Alerts.Length > 0)
        {
            sends.Add(hub.Clients.Group(HubGroups.Overview).SendAsync(HubEvents.Alerts, update.Alerts));
            foreach (var group in update.Alerts.GroupBy(a => HubGroups.Brand(a.BrandId)))
            {
                // A browser in both groups gets an alert twice; the page keys alerts by id.
                sends.Add(hub.Clients.Group(group.Key).SendAsync(HubEvents.Alerts, group.ToArray()));
            }
        }

        // Null from a silo of a version before data gaps. A data gap is everyone's news: every browser subscribes the overview.
        if (update.DataGaps is { Length: > 0 } gaps)
        {
            sends.Add(hub.Clients.Group(HubGroups.Overview).SendAsync(HubEvents.DataGaps, gaps));
        }

        await Task.WhenAll(sends);
    }
}
