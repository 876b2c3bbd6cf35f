using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Pulse.Silo.Tests.Functional;

public static class LocalAddresses
{
    /// <summary>This machine's own non-loopback IPv4 address: a request to it arrives from it, i.e. not from loopback.</summary>
    public static IPAddress NonLoopback() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This test needs a network interface with a non-loopback IPv4 address.");
}
