using System.Net;
using Pulse.Grains.Outbound;

namespace Pulse.Grains.Tests.Outbound;

public sealed class AddressScopesTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.1.1")]
    [InlineData("169.253.1.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("192.0.1.255")]
    [InlineData("192.0.3.0")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("198.51.99.1")]
    [InlineData("203.0.112.255")]
    [InlineData("203.0.114.0")]
    [InlineData("2001:1::1")]
    [InlineData("2001:db9::1")]
    [InlineData("64:ff9b:2::1")]
    public void Internet_addresses_are_public(string address)
    {
        Assert.Equal(AddressScope.Public, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", AddressScope.Loopback)]
    [InlineData("127.255.255.254", AddressScope.Loopback)]
    [InlineData("10.0.0.1", AddressScope.Private)]
    [InlineData("10.255.255.255", AddressScope.Private)]
    [InlineData("172.16.0.1", AddressScope.Private)]
    [InlineData("172.31.255.255", AddressScope.Private)]
    [InlineData("192.168.1.1", AddressScope.Private)]
    [InlineData("100.64.0.1", AddressScope.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressScope.SharedAddressSpace)]
    [InlineData("169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("169.254.0.1", AddressScope.LinkLocal)]
    [InlineData("224.0.0.1", AddressScope.Multicast)]
    [InlineData("239.255.255.250", AddressScope.Multicast)]
    [InlineData("0.0.0.0", AddressScope.Unspecified)]
    [InlineData("0.1.2.3", AddressScope.Unspecified)]
    [InlineData("240.0.0.1", AddressScope.Reserved)]
    [InlineData("255.255.255.255", AddressScope.Reserved)]
    public void Internal_IPv4_addresses_are_classified_by_range(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::1", AddressScope.Loopback)]
    [InlineData("::", AddressScope.Unspecified)]
    [InlineData("fc00::1", AddressScope.Private)]
    [InlineData("fd12:3456:789a::1", AddressScope.Private)]
    [InlineData("fec0::1", AddressScope.Private)]
    [InlineData("fe80::1", AddressScope.LinkLocal)]
    [InlineData("febf:ffff::1", AddressScope.LinkLocal)]
    [InlineData("ff02::1", AddressScope.Multicast)]
    [InlineData("::127.0.0.1", AddressScope.Reserved)]
    public void Internal_IPv6_addresses_are_classified_by_range(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1", AddressScope.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressScope.Private)]
    [InlineData("::ffff:169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("::ffff:100.64.0.1", AddressScope.SharedAddressSpace)]
    [InlineData("::ffff:0.0.0.0", AddressScope.Unspecified)]
    [InlineData("64:ff9b::7f00:1", AddressScope.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressScope.LinkLocal)]
    [InlineData("2002:c0a8:101::1", AddressScope.Private)]
    [InlineData("2002:7f00:1::", AddressScope.Loopback)]
    public void IPv6_forms_carrying_an_IPv4_address_take_its_scope(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("192.0.0.1", AddressScope.SpecialPurpose)]
    [InlineData("192.0.0.255", AddressScope.SpecialPurpose)]
    [InlineData("198.18.0.1", AddressScope.SpecialPurpose)]
    [InlineData("198.19.255.255", AddressScope.SpecialPurpose)]
    [InlineData("192.0.2.1", AddressScope.Documentation)]
    [InlineData("198.51.100.7", AddressScope.Documentation)]
    [InlineData("203.0.113.200", AddressScope.Documentation)]
    public void Special_purpose_IPv4_ranges_are_not_public(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b:1::1", AddressScope.Tunnelled)]
    [InlineData("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", AddressScope.Tunnelled)]
    [InlineData("2001::1", AddressScope.Tunnelled)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", AddressScope.Tunnelled)]
    [InlineData("2001:2::1", AddressScope.SpecialPurpose)]
    [InlineData("2001:db8::1", AddressScope.Documentation)]
    public void Special_purpose_IPv6_ranges_are_not_public(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:198.18.0.1", AddressScope.SpecialPurpose)]
    [InlineData("::ffff:192.0.0.8", AddressScope.SpecialPurpose)]
    [InlineData("::ffff:192.0.2.1", AddressScope.Documentation)]
    [InlineData("::ffff:198.51.100.1", AddressScope.Documentation)]
    [InlineData("::ffff:203.0.113.1", AddressScope.Documentation)]
    [InlineData("64:ff9b::c612:1", AddressScope.SpecialPurpose)]
    [InlineData("2002:cb00:7101::", AddressScope.Documentation)]
    public void Special_purpose_IPv4_ranges_in_IPv6_forms_take_their_scope(string address, AddressScope scope)
    {
        Assert.Equal(scope, AddressScopes.Of(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("fd00::1")]
    [InlineData("100.64.0.1")]
    [InlineData("::ffff:192.168.1.1")]
    public void Allowing_private_networks_admits_loopback_private_and_shared_addresses(string address)
    {
        var scope = AddressScopes.Of(IPAddress.Parse(address));
        Assert.False(AddressScopes.IsAllowed(scope, allowPrivateNetworks: false));
        Assert.True(AddressScopes.IsAllowed(scope, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::")]
    [InlineData("198.18.0.1")]
    [InlineData("::ffff:198.18.0.1")]
    [InlineData("203.0.113.1")]
    [InlineData("2001::1")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("224.0.0.1")]
    [InlineData("0.0.0.0")]
    public void Link_local_and_special_purpose_addresses_stay_refused_when_private_networks_are_allowed(string address)
    {
        Assert.False(AddressScopes.IsAllowed(AddressScopes.Of(IPAddress.Parse(address)), allowPrivateNetworks: true));
    }

    [Fact]
    public void Public_addresses_are_allowed_either_way()
    {
        Assert.True(AddressScopes.IsAllowed(AddressScope.Public, allowPrivateNetworks: false));
        Assert.True(AddressScopes.IsAllowed(AddressScope.Public, allowPrivateNetworks: true));
    }

    [Fact]
    public void The_reason_for_link_local_names_cloud_metadata()
    {
        Assert.Contains("169.254.169.254", AddressScopes.Describe(AddressScope.LinkLocal), StringComparison.Ordinal);
    }
}
