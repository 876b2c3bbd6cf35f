using System.Security.Claims;
using System.Net;
using System.Net.Sockets;

namespace Pulse.Silo.RateLimits;

/// <summary>Who a request counts against.</summary>
public static class RateLimitPartitions
{
    /// <summary>
    /// The client's key: its identity when it has one (<c>key:…</c> or <c>user:…</c>, so collectors behind one NAT do not
    /// share a limit and one key cannot escape its limit by changing address), else its IP address; an IPv6 client by
    /// its /64, since one host is usually given a whole /64 and could otherwise rotate addresses to escape its limit.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id)
        {
            return id;
        }

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
