using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Ingest;
using Pulse.Grains.Ingest.Durable;
using Pulse.Silo.Ingest;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Cluster.Streams;

/// <summary>Cluster mode's ingest: the partition streams are Redis streams <c>{ClusterId}:ingest:{partition}</c>.</summary>
public static class RedisIngestExtensions
{
    /// <summary>The ingest stream provider over Redis Streams, its mention codec, and the durable <see cref="IIngestLog"/>.</summary>
    public static ISiloBuilder AddPulseRedisIngest(this ISiloBuilder silo, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(redis);
        silo.AddRedisStreams(StreamNames.Provider, o => Configure(o, redis));
        AddServices(silo.Services);
        return silo;
    }

    /// <summary>The producer side, for a client host that ingests into a cluster.</summary>
    public static IClientBuilder AddPulseRedisIngest(this IClientBuilder client, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(redis);
        client.AddRedisStreams(StreamNames.Provider, o => Configure(o, redis));
        AddServices(client.Services);
        return client;
    }

    /// <summary>The Redis key prefix of the ingest partitions: <c>{ClusterId}:ingest</c>.</summary>
    public static string KeyPrefix(RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        return $"{redis.ClusterId}:ingest";
    }

    private static void Configure(RedisStreamOptions options, RedisClusterOptions redis)
    {
        options.ConfigurationOptions = redis.ToConfigurationOptions();
        options.KeyPrefix = KeyPrefix(redis);
        options.StreamNamespace = StreamNames.IngestNamespace;
    }

    private static void AddServices(IServiceCollection services)
    {
        // One queue per ingest partition, from the same setting the ingestor partitions by.
        services.AddOptions<RedisStreamOptions>(StreamNames.Provider)
            .Configure<IOptions<IngestPartitionOptions>>((o, partitions) => o.Queues = partitions.Value.Partitions);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MentionBatchParser(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton<IRedisStreamCodec, MentionStreamCodec>();
        services.AddPulseStreamIngest();
        // Wins over the embedded default's TryAdd in AddPulseGrains, whichever runs first.
        services.Replace(ServiceDescriptor.Singleton<IIngestLog>(sp => new RedisIngestLog(sp.GetRedisStreamLog(StreamNames.Provider))));
    }
}
