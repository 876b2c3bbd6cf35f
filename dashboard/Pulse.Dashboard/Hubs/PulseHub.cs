using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Pulse.Dashboard.Teams;
using Pulse.Grains.Telemetry;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Browsers join groups here and only listen: grains push through <see cref="Live.HubForwarder"/>.
/// Groups are per connection, so clients re-subscribe after a reconnect. A brand must be in the catalog and visible to the
/// caller (<see cref="IBrandVisibility"/>), and a connection is in at most <see cref="LiveHubOptions.MaxBrandGroups"/>
/// brand groups; a refused subscription is a <see cref="HubException"/> whose message the client sees, and joins no group.
/// The overview of a team-limited caller is its team's brands only (<see cref="HubGroups.OverviewOf"/>).
/// </summary>
public sealed class PulseHub(IGrainFactory grains, IBrandVisibility visibility, IOptions<LiveHubOptions> options, HubConnections connections, PulseMetrics metrics) : Hub
{
    public override Task OnConnectedAsync()
    {
        connections.Opened(Context);
        metrics.HubConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context);
        metrics.HubDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    public async Task SubscribeOverview()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.DataGaps);
        foreach (var group in OverviewGroups())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }

    public async Task UnsubscribeOverview()
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.DataGaps);
        foreach (var group in OverviewGroups())
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        }
    }

    public async Task SubscribeBrand(string brandId)
    {
        // Unknown and invisible brands get the same answer: which brands exist is not the caller's to learn by guessing.
        var brand = await grains.FindVisibleBrandAsync(brandId ?? "", Scope());
        if (brand is null)
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

    /// <summary>
    /// The whole overview for a caller of every brand; one group per team brand otherwise, listed brands that do not exist
    /// yet included, so a brand created later for the team shows up without a new subscription. A team is bounded by its
    /// brand list's cap (1000), and joining a group costs a set entry.
    /// </summary>
    private IEnumerable<string> OverviewGroups()
    {
        var scope = Scope();
        return scope.IsEvery ? [HubGroups.Overview] : scope.Brands.Select(HubGroups.OverviewOf);
    }

    private BrandScope Scope() => visibility.ScopeOf(Context.User ?? new ClaimsPrincipal());

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
