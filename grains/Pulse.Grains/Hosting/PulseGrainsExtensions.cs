using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Grains.Channels;
using Pulse.Grains.Digests;
using Pulse.Grains.Feeds;
using Pulse.Grains.Ingest;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;
using Pulse.Grains.Ticks;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains;

public static class PulseGrainsExtensions
{
    /// <summary>The cluster's channel list (section "Pulse:Channels"); safe to call more than once.</summary>
    public static IServiceCollection AddPulseChannels(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ChannelOptionsMarker)))
        {
            return services;
        }

        services.AddSingleton<ChannelOptionsMarker>();
        services.AddOptions<ChannelOptions>().Bind(configuration.GetSection(ChannelOptions.Section))
            .PostConfigure(o => o.Channels = o.Channels.Length == 0 ? ChannelOptions.Defaults : [.. o.Channels.Select(c => c.Trim().ToLowerInvariant()).Distinct()])
            .Validate(o => o.Channels.All(c => c.Length > 0 && !c.Contains('/')), "Pulse:Channels: channel names must be non-empty and contain no '/'.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Services the grains need on every silo: options, the sentiment scorer (swap it by registering
    /// another <see cref="ISentimentScorer"/> first) and the per-silo matcher cache. Not the ingest path: each mode adds
    /// its own explicitly (<see cref="IngestModeExtensions"/>).
    /// </summary>
    public static IServiceCollection AddPulseGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPulseChannels(configuration);
        services.AddOptions<IngestPartitionOptions>().Bind(configuration.GetSection(IngestPartitionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DurableIngestOptions>().Bind(configuration.GetSection(DurableIngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChannelWindowOptions>().Bind(configuration.GetSection(ChannelWindowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations()
            .Validate(o => { o.LiveSettings(); return true; }).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISentimentScorer, LexiconSentimentScorer>();
        services.TryAddSingleton<BrandMatcherCache>();
        // The embedded default's; cluster mode registers its Redis store, which wins whichever comes first.
        services.TryAddSingleton<IBrandCatalogStore, InMemoryBrandCatalogStore>();
        services.AddSingleton<MentionEnricher>();
        // No archive unless the host registers one (PostgreSQL, `--postgres`), which wins whichever comes first.
        services.TryAddSingleton<Archive.IMentionArchive, Archive.NoMentionArchive>();
        services.TryAddSingleton<Archive.IAlertArchive, Archive.NoAlertArchive>();
        services.AddSingleton<DashboardOutbox>();
        services.AddSingleton<TickCadences>();
        services.AddHostedService<DashboardFlushService>();
        services.AddPulseFeedCounts();
        services.AddSingleton<IngestPartitionMonitor>();
        services.AddPulseMetrics();
        services.AddPulseWebhooks(configuration);
        services.AddPulseDigests(configuration);
        return services;
    }

    /// <summary>
    /// Cluster mode's silos: wake every ingest partition when a silo dies, so that partitions that died with it replay what
    /// they held (<see cref="PartitionWakeUp"/>).
    /// </summary>
    public static IServiceCollection AddPulsePartitionWakeUp(this IServiceCollection services)
    {
        services.AddHostedService<PartitionWakeUp>();
        return services;
    }

    /// <summary>
    /// Wherever mentions are ingested: their count per channel (<see cref="FeedCounter"/>) and its report to the feed
    /// monitor every bucket (<see cref="FeedReporter"/>), which raises data gaps. Safe to call more than once.
    /// </summary>
    internal static IServiceCollection AddPulseFeedCounts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedCounter>();
        services.AddHostedService<FeedReporter>();
        return services;
    }

    private sealed class ChannelOptionsMarker;
}
