using System.Net;

namespace Pulse.Silo.Cluster;

/// <summary>
/// A dashboard-only host's way into the cluster (section "Pulse:Client"). By default it finds the gateways through
/// Redis membership (`--redis`); <see cref="Gateways"/> (`--gateway HOST:PORT[,HOST:PORT...]`) names them instead.
/// </summary>
public sealed class DashboardClientOptions
{
    public const string Section = "Pulse:Client";

    /// <summary>Comma-separated silo gateway endpoints; empty means "ask Redis".</summary>
    public string? Gateways { get; set; }

    public IReadOnlyList<IPEndPoint> GatewayEndpoints()
    {
        if (string.IsNullOrWhiteSpace(Gateways))
        {
            return [];
        }

        return [.. Gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
    }

    private static IPEndPoint Parse(string endpoint)
    {
        if (IPEndPoint.TryParse(endpoint, out var parsed) && parsed.Port != 0)
        {
            return parsed;
        }

        // A host name: resolve once at start, as Orleans' static gateway list takes addresses.
        var colon = endpoint.LastIndexOf(':');
        if (colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var port) && port is > 0 and <= 65535)
        {
            var address = Dns.GetHostAddresses(endpoint[..colon]).FirstOrDefault()
                ?? throw new InvalidOperationException($"Gateway host '{endpoint[..colon]}' has no address.");
            return new IPEndPoint(address, port);
        }

        throw new InvalidOperationException($"Gateway '{endpoint}' is not HOST:PORT.");
    }
}
