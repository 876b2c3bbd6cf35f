using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Browsers join groups here and only listen: grains push through <see cref="Live.HubForwarder"/>.
/// Groups are per connection, so clients re-subscribe after a reconnect. A brand must be in the catalog and visible to the
/// caller, and a connection is in at most <see cref="LiveHubOptions.MaxBrandGroups"/> brand groups; a refused
/// subscription is a <see cref="HubException"/> whose message the client sees, and joins no group.
/// </summary>
public sealed class PulseHub(IGrainFactory grains, IBrandVisibility visibility, IOptions<LiveHubOptions> options, HubConnections connections) : Hub
{
    public override Task OnConnectedAsync()
    {
        connections.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context);
        return base.OnDisconnectedAsync(exception);
    }

    public Task SubscribeOverview() => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Overview);

    public Task UnsubscribeOverview() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Overview);

    public async Task SubscribeBrand(string brandId)
    {
        // Unknown and invisible brands get the same answer: which brands exist is not the caller's to learn by guessing.
        var brand = await grains.FindBrandAsync(brandId ?? "");
        if (brand is null || !await visibility.MaySeeAsync(Context, brand))
        {
            throw new HubException($"Unknown brand '{brandId}'.");
        }

        var group = HubGroups.Brand(brand.Id);
        var joined = JoinedBrandGroups();
        if (!joined.Contains(group) && joined.Count >= options.Value.MaxBrandGroups)
        {
            throw new HubException($"This connection already watches {joined.Count} brands, the most it may; unsubscribe one first.");
        }

        // Invocations of one connection run one at a time (SignalR's default), so the set needs no lock.
        joined.Add(group);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    public async Task UnsubscribeBrand(string brandId)
    {
        var group = HubGroups.Brand(brandId ?? "");
        JoinedBrandGroups().Remove(group);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>The brand groups this connection is in, kept with the connection.</summary>
    private HashSet<string> JoinedBrandGroups()
    {
        if (Context.Items.TryGetValue(nameof(JoinedBrandGroups), out var value) && value is HashSet<string> joined)
        {
            return joined;
        }

        joined = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[nameof(JoinedBrandGroups)] = joined;
        return joined;
    }
}
