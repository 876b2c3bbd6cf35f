using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Channels;
using Pulse.Grains.Ingest;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Telemetry;
using Pulse.Silo.Cluster;
using Pulse.Silo.Ingest;
using Pulse.Streaming.Redis;
using StackExchange.Redis;

namespace Pulse.Silo.Ingest.Redis;

/// <summary>Cluster mode's ingest: the partition streams are Redis streams <c>{ClusterId}:ingest:{partition}</c>.</summary>
public static class RedisIngestExtensions
{
    /// <summary>
    /// Cluster mode's whole ingest path: the partition streams over Redis Streams with their mention codec, the stream
    /// ingestor, the durable <see cref="IIngestLog"/> they replay from, and the (brand, channel) checkpoints in Redis.
    /// </summary>
    public static ISiloBuilder AddPulseRedisIngest(this ISiloBuilder silo, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(redis);
        silo.AddRedisStreams(StreamNames.Provider, o => Configure(o, redis));
        AddServices(silo.Services, redis);
        return silo;
    }

    /// <summary>The Redis key prefix of the ingest partitions: <c>{ClusterId}:ingest</c>.</summary>
    public static string KeyPrefix(RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        return $"{redis.ClusterId}:ingest";
    }

    /// <summary>
    /// The ingest log's lag per partition as gauges (<see cref="IngestLogLagProbe"/>), read every <paramref name="interval"/>;
    /// for a cluster silo whose metrics something reads.
    /// </summary>
    public static IServiceCollection AddPulseIngestLogLag(this IServiceCollection services, TimeSpan interval)
    {
        services.AddHostedService(sp => new IngestLogLagProbe(
            sp.GetRedisStreamLog(StreamNames.Provider), sp.GetRequiredService<PulseMetrics>(), sp.GetRequiredService<TimeProvider>(), interval,
            sp.GetRequiredService<ILogger<IngestLogLagProbe>>()));
        return services;
    }

    private static void Configure(RedisStreamOptions options, RedisClusterOptions redis)
    {
        options.ConfigurationOptions = redis.ToConfigurationOptions();
        options.KeyPrefix = KeyPrefix(redis);
        options.StreamNamespace = StreamNames.IngestNamespace;
    }

    private static void AddServices(IServiceCollection services, RedisClusterOptions redis)
    {
        // One queue per ingest partition, from the same setting the ingestor partitions by.
        services.AddOptions<RedisStreamOptions>(StreamNames.Provider)
            .Configure<IOptions<IngestPartitionOptions>>((o, partitions) => o.Queues = partitions.Value.Partitions);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MentionBatchParser(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton<IRedisStreamCodec, MentionStreamCodec>();
        services.AddPulseStreamIngest(sp => new RedisIngestLog(sp.GetRedisStreamLog(StreamNames.Provider)));
        services.AddSingleton<IChannelCheckpointStore>(sp => new RedisChannelCheckpointStore(sp.GetRequiredService<IConnectionMultiplexer>(), redis));
    }
}
