using System.Net;
using System.Net.Sockets;

namespace Pulse.Grains.Webhooks.Guard;

/// <summary>
/// The webhook client's connect step: resolves the host itself and connects only to a public address, so a name
/// that was harmless when saved cannot later point Pulse at its own network (DNS rebinding). Redirects pass through here too.
/// </summary>
internal static class WebhookConnectGuard
{
    public static SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = ConnectAsync,
        // A proxy would resolve and connect on Pulse's behalf, past this guard.
        UseProxy = false,
    };

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = resolved.Where(AddressScopes.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            var refused = resolved.Length == 0 ? "no address" : string.Join(", ", resolved.Select(a => $"{a} ({AddressScopes.Describe(AddressScopes.Of(a))})"));
            throw new WebhookAddressRefusedException(
                $"Refused: {host} resolves to {refused}; webhooks may only call public addresses unless the silo sets {WebhookOptions.Section}:AllowPrivateNetworks.");
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
