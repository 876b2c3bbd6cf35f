using Microsoft.AspNetCore.SignalR;
using Pulse.Dashboard.Hubs;
using Pulse.Grains.Notifications;
using Pulse.Grains.Telemetry;

namespace Pulse.Dashboard.Live;

/// <summary>This web host's observer: forwards grain updates to its browsers, one message per group per batch.</summary>
internal sealed class HubForwarder(IHubContext<PulseHub> hub, PulseMetrics metrics) : IDashboardObserver
{
    public async Task OnUpdateAsync(DashboardUpdate update)
    {
        var sends = new List<Task>();
        int summaries = 0, snapshots = 0, alerts = 0, gaps = 0;
        if (update.Brands.Length > 0)
        {
            sends.Add(hub.Clients.Group(HubGroups.Overview).SendAsync(HubEvents.BrandSummaries, update.Brands));
            // Team-limited browsers watch their brands' overview groups. Sending to a group nobody joined costs a dictionary
            // look-up and no serialization, so a host without teams pays one look-up per brand per batch.
            foreach (var group in update.Brands.GroupBy(b => HubGroups.OverviewOf(b.BrandId)))
            {
                sends.Add(hub.Clients.Group(group.Key).SendAsync(HubEvents.BrandSummaries, group.ToArray()));
            }

            summaries = sends.Count;
        }

        foreach (var group in update.Channels.GroupBy(c => HubGroups.Brand(c.BrandId)))
        {
            sends.Add(hub.Clients.Group(group.Key).SendAsync(HubEvents.ChannelSnapshots, group.ToArray()));
            snapshots++;
        }

        if (update.Alerts.Length > 0)
        {
            sends.Add(hub.Clients.Group(HubGroups.Overview).SendAsync(HubEvents.Alerts, update.Alerts));
            alerts++;
            foreach (var brand in update.Alerts.GroupBy(a => a.BrandId.ToLowerInvariant()))
            {
                // A browser in two of these groups gets an alert twice; the page keys alerts by id.
                var brandAlerts = brand.ToArray();
                sends.Add(hub.Clients.Group(HubGroups.Brand(brand.Key)).SendAsync(HubEvents.Alerts, brandAlerts));
                sends.Add(hub.Clients.Group(HubGroups.OverviewOf(brand.Key)).SendAsync(HubEvents.Alerts, brandAlerts));
                alerts += 2;
            }
        }

        // Null from a silo of a version before data gaps. A data gap is per channel, no brand's: everyone's news, teams
        // included (every overview subscriber is in this group).
        if (update.DataGaps is { Length: > 0 } dataGaps)
        {
            sends.Add(hub.Clients.Group(HubGroups.DataGaps).SendAsync(HubEvents.DataGaps, dataGaps));
            gaps++;
        }

        // Group sends, counted once per event and update rather than per send.
        metrics.HubMessages(HubEvents.BrandSummaries, summaries);
        metrics.HubMessages(HubEvents.ChannelSnapshots, snapshots);
        metrics.HubMessages(HubEvents.Alerts, alerts);
        metrics.HubMessages(HubEvents.DataGaps, gaps);
        await Task.WhenAll(sends);
    }
}
