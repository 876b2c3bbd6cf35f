using System.Net;
using System.Net.Sockets;

namespace Pulse.Grains.Outbound;

/// <summary>
/// Classifies IP addresses for the outbound guard (webhooks and sources). IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d,
/// NAT64 64:ff9b::/96, 6to4 2002::/16) take the scope of the address they carry, so 127.0.0.1 cannot be reached in disguise.
/// </summary>
public static class AddressScopes
{
    public static AddressScope Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return AddressScope.Reserved;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork when length == 4 => OfIPv4(bytes[..4]),
            AddressFamily.InterNetworkV6 when length == 16 => OfIPv6(bytes),
            _ => AddressScope.Reserved,
        };
    }

    public static bool IsPublic(IPAddress address) => Of(address) == AddressScope.Public;

    /// <summary>
    /// Public always; loopback, private and carrier-grade NAT only when the silo allows private networks. Link-local
    /// (cloud metadata), multicast and special-purpose addresses never: no on-premise install notifies or polls those.
    /// </summary>
    public static bool IsAllowed(AddressScope scope, bool allowPrivateNetworks) =>
        scope == AddressScope.Public || (allowPrivateNetworks && scope is AddressScope.Loopback or AddressScope.Private or AddressScope.SharedAddressSpace);

    /// <summary>"a loopback address", for messages that say why an address is refused.</summary>
    public static string Describe(AddressScope scope) => scope switch
    {
        AddressScope.Public => "a public address",
        AddressScope.Loopback => "a loopback address",
        AddressScope.Private => "a private network address",
        AddressScope.SharedAddressSpace => "a carrier-grade NAT address (100.64.0.0/10)",
        AddressScope.LinkLocal => "a link-local address (this includes cloud metadata at 169.254.169.254)",
        AddressScope.Multicast => "a multicast address",
        AddressScope.Unspecified => "an unspecified address",
        AddressScope.SpecialPurpose => "a special-purpose address (protocol assignments or benchmarking)",
        AddressScope.Documentation => "a documentation address (TEST-NET), which is never on the internet",
        AddressScope.Tunnelled => "a tunnel or local NAT64 address (Teredo 2001::/32, 64:ff9b:1::/48) hiding its IPv4 end",
        _ => "a reserved address",
    };

    private static AddressScope OfIPv4(ReadOnlySpan<byte> a) => a[0] switch
    {
        0 => AddressScope.Unspecified,
        10 => AddressScope.Private,
        127 => AddressScope.Loopback,
        100 when (a[1] & 0xC0) == 64 => AddressScope.SharedAddressSpace,
        169 when a[1] == 254 => AddressScope.LinkLocal,
        172 when (a[1] & 0xF0) == 16 => AddressScope.Private,
        192 when a[1] == 168 => AddressScope.Private,
        192 when a[1] == 0 && a[2] == 0 => AddressScope.SpecialPurpose,
        192 when a[1] == 0 && a[2] == 2 => AddressScope.Documentation,
        198 when (a[1] & 0xFE) == 18 => AddressScope.SpecialPurpose,
        198 when a[1] == 51 && a[2] == 100 => AddressScope.Documentation,
        203 when a[1] == 0 && a[2] == 113 => AddressScope.Documentation,
        >= 224 and < 240 => AddressScope.Multicast,
        >= 240 => AddressScope.Reserved,
        _ => AddressScope.Public,
    };

    private static AddressScope OfIPv6(ReadOnlySpan<byte> a)
    {
        if (a[..10].IndexOfAnyExcept((byte)0) < 0)
        {
            if (a[10] == 0xFF && a[11] == 0xFF)
            {
                return OfIPv4(a[12..]); // ::ffff:a.b.c.d
            }

            if (a[10] == 0 && a[11] == 0)
            {
                return a[..15].IndexOfAnyExcept((byte)0) >= 0 ? AddressScope.Reserved
                    : a[15] switch { 0 => AddressScope.Unspecified, 1 => AddressScope.Loopback, _ => AddressScope.Reserved };
            }
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return OfIPv4(a[12..]); // NAT64 64:ff9b::a.b.c.d
        }

        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return OfIPv4(a[2..6]); // 6to4 2002:AABB:CCDD::
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4] == 0x00 && a[5] == 0x01)
        {
            return AddressScope.Tunnelled; // local-use NAT64 64:ff9b:1::/48: where the IPv4 address sits is the network's choice
        }

        if (a[0] == 0x20 && a[1] == 0x01)
        {
            switch ((a[2], a[3]))
            {
                case (0x00, 0x00):
                    return AddressScope.Tunnelled; // Teredo 2001::/32
                case (0x00, 0x02) when a[4] == 0 && a[5] == 0:
                    return AddressScope.SpecialPurpose; // benchmarking 2001:2::/48
                case (0x0D, 0xB8):
                    return AddressScope.Documentation; // 2001:db8::/32
            }
        }

        return a[0] switch
        {
            0xFF => AddressScope.Multicast,
            0xFC or 0xFD => AddressScope.Private,
            0xFE when (a[1] & 0xC0) == 0x80 => AddressScope.LinkLocal,
            0xFE when (a[1] & 0xC0) == 0xC0 => AddressScope.Private,
            _ => AddressScope.Public,
        };
    }
}
