using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Pulse.Grains;

namespace Pulse.Silo.Cluster;

public static class ClusterSiloExtensions
{
    /// <summary>
    /// Cluster mode: Orleans membership and grain state on Redis, ingest through Redis Streams. Any number of
    /// `pulse` processes pointing at the same Redis (and cluster id) form one cluster.
    /// </summary>
    public static IHostApplicationBuilder AddPulseClusterSilo(this IHostApplicationBuilder builder, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redis);
        var endpoints = SiloEndpoints.From(builder.Configuration);
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
            silo.AddDashboard();
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            silo.AddRedisGrainStorage(GrainStorageNames.Pulse, o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            silo.AddRedisGrainStorage("PubSubStore", o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            // TODO(issue 5): Redis Streams provider replaces memory streams here.
            silo.AddMemoryStreams(StreamNames.Provider);
        });
        builder.Services.AddPulseGrains(builder.Configuration);
        return builder;
    }
}
