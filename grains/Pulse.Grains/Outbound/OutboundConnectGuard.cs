using System.Net;
using System.Net.Sockets;

namespace Pulse.Grains.Outbound;

/// <summary>
/// The connect step of every connection a user's setting points somewhere (webhooks, sources): resolves the host itself and
/// connects only to an address <see cref="AddressScopes.IsAllowed"/> admits, so a name that was harmless when saved cannot
/// later point Pulse at its own network (DNS rebinding). Redirects, where a client follows them, pass through here too.
/// </summary>
public static class OutboundConnectGuard
{
    public static SocketsHttpHandler Handler(bool allowPrivateNetworks) => new()
    {
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, allowPrivateNetworks, cancellationToken),
        // A proxy would resolve and connect on Pulse's behalf, past this guard.
        UseProxy = false,
    };

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = resolved.Where(a => AddressScopes.IsAllowed(AddressScopes.Of(a), allowPrivateNetworks)).ToArray();
        if (allowed.Length == 0)
        {
            var refused = resolved.Length == 0 ? "no address" : string.Join(", ", resolved.Select(a => $"{a} ({AddressScopes.Describe(AddressScopes.Of(a))})"));
            throw new AddressRefusedException($"Refused: {host} resolves to {refused}. {OutboundOptions.Rule}");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
