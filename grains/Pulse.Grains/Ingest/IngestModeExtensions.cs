using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Grains.Brands;
using Pulse.Grains.Ingest;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Grains;

/// <summary>
/// The ingest path of each mode, registered explicitly: one <see cref="IMentionIngestor"/> (the seam every producer
/// calls) with the <see cref="IIngestLog"/> behind it. A host calls exactly one of these.
/// </summary>
public static class IngestModeExtensions
{
    /// <summary>
    /// The embedded default: mentions are matched and scored on the caller's thread and handed straight to the partition
    /// grains (<see cref="DirectMentionIngestor"/>); the log is in memory, so nothing outlives the process.
    /// </summary>
    public static IServiceCollection AddPulseDirectIngest(this IServiceCollection services)
    {
        services.AddSingleton<IMentionIngestor, DirectMentionIngestor>();
        services.AddSingleton<IIngestLog, InMemoryIngestLog>();
        return services;
    }

    /// <summary>
    /// Cluster mode: mentions are matched and appended to the partitions' streams (<see cref="StreamMentionIngestor"/>),
    /// over the durable log <paramref name="log"/> the partitions replay from after a silo dies.
    /// </summary>
    public static IServiceCollection AddPulseStreamIngest(this IServiceCollection services, Func<IServiceProvider, IIngestLog> log)
    {
        services.TryAddSingleton<BrandMatcherCache>();
        services.AddPulseFeedCounts();
        services.AddSingleton<IMentionIngestor, StreamMentionIngestor>();
        services.AddSingleton(log);
        return services;
    }
}
