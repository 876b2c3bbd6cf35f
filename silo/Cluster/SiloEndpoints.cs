using System.Net;

namespace Pulse.Silo.Cluster;

/// <summary>
/// Where a cluster silo listens and what it tells the others. Without `--advertise` (Pulse:AdvertisedAddress) silos
/// bind and advertise loopback: a cluster on one machine. With it they listen on every address and advertise that one,
/// so silos (and dashboard-only clients) on other machines can reach them.
/// </summary>
public sealed record SiloEndpoints(IPAddress Advertised, bool ListenOnAnyAddress, int SiloPort, int GatewayPort)
{
    public const string AdvertisedAddressKey = "Pulse:AdvertisedAddress";

    public static SiloEndpoints From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var siloPort = configuration.GetValue("Pulse:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Pulse:GatewayPort", 30000);
        var advertise = configuration[AdvertisedAddressKey];
        if (string.IsNullOrWhiteSpace(advertise))
        {
            return new SiloEndpoints(IPAddress.Loopback, ListenOnAnyAddress: false, siloPort, gatewayPort);
        }

        if (!IPAddress.TryParse(advertise, out var address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            throw new InvalidOperationException($"{AdvertisedAddressKey} (--advertise) must be this machine's IP address as other silos reach it, not '{advertise}'.");
        }

        return new SiloEndpoints(address, ListenOnAnyAddress: true, siloPort, gatewayPort);
    }
}
