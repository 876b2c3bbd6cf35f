using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Hosting;

/// <summary>Client address and scheme from <see cref="ProxyOptions.KnownProxies"/>, for rate limits, audit and Secure cookies.</summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPulseForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; Pulse trusts exactly what the operator listed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds the loopback default the middleware honours
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var entry in proxy.Value.KnownProxies)
            {
                if (ProxyOptions.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }

            // One proxy hop: the address it saw is the client; earlier entries are the client's own claims.
            forwarded.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline, so everything after sees the client. Without known proxies it is left out: the framework's
    /// middleware trusts every sender when its lists are empty. Read from configuration rather than the options, whose
    /// validation belongs to the start, not to building the pipeline.
    /// </summary>
    public static IApplicationBuilder UsePulseForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection($"{ProxyOptions.Section}:{nameof(ProxyOptions.KnownProxies)}");
        return proxies.GetChildren().Any() ? app.UseForwardedHeaders() : app;
    }
}
