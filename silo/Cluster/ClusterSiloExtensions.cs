using Pulse.Silo.Engineers;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using Pulse.Grains;
using Pulse.Silo.Cluster.Kubernetes;
using Pulse.Grains.Brands;
using Pulse.Silo.Brands;
using Pulse.Silo.Cluster.Membership;
using Pulse.Silo.Cluster.Placement;
using Pulse.Silo.Cluster.Tls;
using Pulse.Silo.Ingest.Redis;

namespace Pulse.Silo.Cluster;

public static class ClusterSiloExtensions
{
    /// <summary>
    /// Cluster mode: Orleans membership, grain state and the brand catalog on Redis, ingest through Redis Streams. Any number of
    /// `pulse` processes pointing at the same Redis (and cluster id) form one cluster.
    /// </summary>
    public static IHostApplicationBuilder AddPulseClusterSilo(this IHostApplicationBuilder builder, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redis);
        var endpoints = SiloEndpoints.From(builder.Configuration);
        var tls = ClusterCredentials.From(builder.Configuration);
        builder.Services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddPulseRedisConnection(redis);
        builder.UseOrleans(silo =>
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = redis.ClusterId;
                o.ServiceId = redis.ClusterId;
            });
            silo.ConfigureEndpoints(endpoints.Advertised, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: endpoints.ListenOnAnyAddress);
            silo.AddPulseOrleansDashboard(builder.Configuration);
            if (tls is not null)
            {
                silo.UsePulseClusterTls(tls);
            }

            silo.UseRedisClustering(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            if (KubernetesHosting.IsEnabled(builder.Configuration))
            {
                silo.UsePulseKubernetesHosting();
            }

            // One activation per grain even while a dead silo's share of the directory is repaired: the default in-cluster
            // directory can briefly hold two activations of a grain then, and two ingest partitions (or channel grains)
            // for one key count wrong. Redis registers atomically (docs/ingest-log.md, "When a silo dies").
            silo.UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            silo.AddRedisGrainStorage(GrainStorageNames.Pulse, o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            // An alert's pending webhook deliveries outlive its silo: the reminder reactivates the grain elsewhere to re-send them.
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            // Orleans' binary format instead of the JSON default: window checkpoints are written every few seconds per
            // active grain, and JSON makes them about 3.6 times larger.
            silo.Services.AddOptions<RedisStorageOptions>(GrainStorageNames.Pulse)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            // A killed silo is declared dead after about 3 missed probes of 3 s (default 5 s): its queues and grains move
            // within the 30 s cluster mode promises, while a silo briefly starved of CPU is not voted out.
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = TimeSpan.FromSeconds(3));
            // A member that died before anyone else became active would otherwise block every join for 5 minutes.
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, JoinWatch>();
            silo.AddRedisGrainStorage("PubSubStore", o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            // Orleans' default placement, except that a stale cluster manifest cannot leave a grain unplaceable after a
            // silo dies (ActiveSiloPlacement; docs/ingest-log.md, "When a silo dies").
            silo.Services.AddSingleton<PlacementStrategy, ActiveSiloPlacement>();
            silo.Services.AddPlacementDirector<ActiveSiloPlacement, ActiveSiloPlacementDirector>();
            silo.AddPulseRedisIngest(redis);
        });
        builder.Services.AddSingleton<IBrandCatalogStore>(sp => new RedisBrandCatalogStore(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), redis));
        builder.Services.AddPulseGrains(builder.Configuration);
        builder.Services.AddPulsePartitionWakeUp();
        return builder;
    }
}
