using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Outbound;

namespace Pulse.Grains.Webhooks;

public static class WebhookExtensions
{
    /// <summary>The per-silo outbox grains write to, and the background service that delivers from it.</summary>
    public static IServiceCollection AddPulseWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPulseOutbound(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddHostedService<WebhookDeliveryService>();
        // The per-attempt timeout is the service's own; the client's would cancel retries' waits too.
        services.AddHttpClient(WebhookDeliveryService.HttpClientName, c =>
        {
            c.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("Pulse-Webhooks/1.0");
            // Redirects are not followed: a 307 would re-POST the alert to a place nobody configured.
        }).UseOutboundGuard(handler => handler.AllowAutoRedirect = false);
        return services;
    }
}
