using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Outbound;
using Pulse.Sources.Connecting;
using Pulse.Sources.Jetstream;
using Pulse.Sources.Mastodon;
using Pulse.Sources.Rss;
using Pulse.Sources.Running;

namespace Pulse.Sources;

public static class SourcesExtensions
{
    private const string FeedClient = "pulse-sources-feeds";
    private const string MastodonClient = "pulse-sources-mastodon";

    /// <summary>
    /// Sources on a silo: the three connectors, the supervisor that keeps every catalogued source running, and its
    /// options (section <see cref="SourcesOptions.Section"/>). The grains come with the assembly.
    /// </summary>
    public static IServiceCollection AddPulseSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPulseMetrics();

        // A source makes the server connect wherever its URL says: every connection (redirects included) passes the
        // outbound guard, as webhooks' do, and Pulse:Outbound:AllowPrivateNetworks is the one switch for both.
        services.AddPulseOutbound(configuration);
        services.AddHttpClient(FeedClient, c => c.Timeout = Timeout.InfiniteTimeSpan) // the connector times each request itself, body included
            .UseOutboundGuard(Configure);
        services.AddHttpClient(MastodonClient, c => c.Timeout = TimeSpan.FromSeconds(30)) // headers only: a stream's body is read without it
            .UseOutboundGuard(Configure);

        services.AddSingleton<ISourceConnector>(sp => new RssConnector(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(FeedClient), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RssConnector>>()));
        services.AddSingleton<ISourceConnector>(sp => new MastodonConnector(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MastodonClient), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MastodonConnector>>()));
        services.AddSingleton<ISourceConnector>(sp => new JetstreamConnector(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<JetstreamConnector>>(),
            invoker: new HttpMessageInvoker(OutboundConnectGuard.Handler(sp.GetRequiredService<IOptions<OutboundOptions>>().Value.AllowPrivateNetworks))));
        services.AddSingleton<SourceConnectors>();
        services.AddHostedService<SourceSupervisor>();
        return services;
    }

    // Pooled connections are renewed every few minutes so a feed's or instance's DNS change is picked up.
    private static void Configure(SocketsHttpHandler handler)
    {
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        handler.AutomaticDecompression = DecompressionMethods.All;
    }
}
