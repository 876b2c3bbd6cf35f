namespace Pulse.Grains.Outbound;

/// <summary>Where an IP address reaches: only <see cref="Public"/> is the open internet.</summary>
public enum AddressScope
{
    Public,

    /// <summary>127.0.0.0/8, ::1: the silo itself.</summary>
    Loopback,

    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique-local fc00::/7 and the old site-local fec0::/10.</summary>
    Private,

    /// <summary>100.64.0.0/10, carrier-grade NAT: the provider's network, not the internet.</summary>
    SharedAddressSpace,

    /// <summary>169.254.0.0/16 (cloud metadata lives at 169.254.169.254), fe80::/10.</summary>
    LinkLocal,

    Multicast,

    /// <summary>0.0.0.0/8 and ::, which the OS may take as "this host".</summary>
    Unspecified,

    /// <summary>240.0.0.0/4 (with the broadcast address) and the deprecated IPv4-compatible ::/96.</summary>
    Reserved,

    /// <summary>192.0.0.0/24 (IETF protocol assignments), 198.18.0.0/15 and 2001:2::/48 (benchmarking): lab and middlebox addresses.</summary>
    SpecialPurpose,

    /// <summary>The TEST-NETs 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32: never on the internet, so whatever answers is local.</summary>
    Documentation,

    /// <summary>Local-use NAT64 64:ff9b:1::/48 and Teredo 2001::/32: they lead to an IPv4 host the guard cannot see.</summary>
    Tunnelled,
}
