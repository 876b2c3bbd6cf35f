using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pulse.Grains.Outbound;

public static class OutboundExtensions
{
    /// <summary>The <see cref="OutboundOptions"/> both webhooks and sources read; registering twice is harmless.</summary>
    public static IServiceCollection AddPulseOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<OutboundOptions>)))
        {
            return services;
        }

        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section))
            // Ignoring the old key would silently refuse the internal hosts an install allowed on purpose.
            .Validate(_ => configuration[OutboundOptions.ObsoleteKey] is null,
                $"{OutboundOptions.ObsoleteKey} is now {OutboundOptions.Section}:AllowPrivateNetworks (it covers sources too): rename the setting.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The client's connections go through <see cref="OutboundConnectGuard"/>; <paramref name="configure"/> sets the rest of the handler.</summary>
    public static IHttpClientBuilder UseOutboundGuard(this IHttpClientBuilder builder, Action<SocketsHttpHandler>? configure = null) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var handler = OutboundConnectGuard.Handler(sp.GetRequiredService<IOptions<OutboundOptions>>().Value.AllowPrivateNetworks);
            configure?.Invoke(handler);
            return handler;
        });
}
