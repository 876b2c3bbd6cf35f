using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Pulse.Dashboard.Hubs;

/// <summary>The hub connections open on this host, so <see cref="HubCallerRecheck"/> can close those whose caller is gone.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    internal void Opened(HubCallerContext context) => _open[context.ConnectionId] = context;

    internal void Closed(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    internal IReadOnlyCollection<HubCallerContext> Snapshot() => [.. _open.Values];
}
