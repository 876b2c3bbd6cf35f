using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulse.Grains.Outbound;

namespace Pulse.Grains.Tests.Outbound;

public sealed class OutboundOptionsTests
{
    [Fact]
    public void The_switch_is_read_from_Pulse_Outbound()
    {
        Assert.True(Options(new() { ["Pulse:Outbound:AllowPrivateNetworks"] = "true" }).AllowPrivateNetworks);
        Assert.False(Options([]).AllowPrivateNetworks);
    }

    [Fact]
    public void The_old_webhooks_key_is_refused_rather_than_ignored()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Pulse:Webhooks:AllowPrivateNetworks"] = "true" }));
        Assert.Contains("Pulse:Outbound:AllowPrivateNetworks", error.Message, StringComparison.Ordinal);
    }

    private static OutboundOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Twice, as webhooks and sources both register it.
        using var services = new ServiceCollection().AddPulseOutbound(configuration).AddPulseOutbound(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OutboundOptions>>().Value;
    }
}
