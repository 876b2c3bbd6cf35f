namespace Pulse.Grains.Webhooks.Guard;

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
}
