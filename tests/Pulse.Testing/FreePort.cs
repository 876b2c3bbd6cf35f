using System.Net;
using System.Net.Sockets;

namespace Pulse.Testing;

/// <summary>
/// Loopback ports for servers a test starts. They come from below the kernel's ephemeral range: a port the OS hands
/// out for "port 0" can be taken by any outgoing connection (a client of Redis, of HTTP) before the server that was
/// meant to get it binds, and a silo that cannot bind its port dies at start-up (CI saw one in 90 launches).
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly object Gate = new();
    private static readonly int Highest = EphemeralStart() - 1;

    // Test assemblies run as parallel processes: each starts at its own random point so they rarely probe the same ports.
    private static int _next = Lowest + Random.Shared.Next(Highest - Lowest);

    /// <summary>A loopback TCP port, outside the ephemeral range, that nothing listens on right now.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < Highest - Lowest; tries++)
            {
                var port = _next;
                _next = _next >= Highest ? Lowest : _next + 1; // this process never hands the same port out twice in a row
                if (CanBind(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The start of the kernel's ephemeral range (Linux), or the IANA default elsewhere.</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && File.ReadAllText(range).Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var low, ..]
            && int.TryParse(low, out var start)
            && start > Lowest + 1_000)
        {
            return start;
        }

        return 49_152;
    }
}
