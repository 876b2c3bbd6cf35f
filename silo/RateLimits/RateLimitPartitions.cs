using System.Net;
using System.Net.Sockets;

namespace Pulse.Silo.RateLimits;

/// <summary>Who a request counts against.</summary>
public static class RateLimitPartitions
{
    /// <summary>
    /// The client's key: its IP address for now; an IPv6 client by its /64, since one host is usually given a whole /64 and
    /// could otherwise rotate addresses to escape its limit. Once requests carry an authenticated identity (API keys), that
    /// identity becomes the key here and the IP stays the key of anonymous requests.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "ip:unknown"; // e.g. a test server without sockets: one shared partition
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "ip:" + new IPAddress(bytes) + "/64";
        }

        return "ip:" + address;
    }
}
