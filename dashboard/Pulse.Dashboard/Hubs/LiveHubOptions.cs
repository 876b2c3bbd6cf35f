using System.ComponentModel.DataAnnotations;

namespace Pulse.Dashboard.Hubs;

/// <summary>Limits of one hub connection (section "Pulse:Hub", validated at start).</summary>
public sealed class LiveHubOptions
{
    public const string Section = "Pulse:Hub";

    /// <summary>
    /// Brand groups one connection may be in. The app subscribes to one brand at a time (the open brand view, or the war
    /// room's current brand); 200 leaves room for a custom wall of every brand a team watches, while each membership costs
    /// the host memory and every snapshot of the brand a send.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBrandGroups { get; set; } = 200;
}
