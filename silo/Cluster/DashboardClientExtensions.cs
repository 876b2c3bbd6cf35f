using Pulse.Silo.Engineers;
using Orleans.Configuration;
using Pulse.Grains;
using Pulse.Silo.Cluster.Tls;

namespace Pulse.Silo.Cluster;

public static class DashboardClientExtensions
{
    /// <summary>
    /// A dashboard-only host: an Orleans client of the cluster (gateways found through Redis membership, or the
    /// given static list). It keeps trying to connect until the cluster answers, so it may start before the silos.
    /// </summary>
    public static IHostApplicationBuilder AddPulseDashboardClient(this IHostApplicationBuilder builder, RedisClusterOptions redis, DashboardClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var gateways = options.GatewayEndpoints();
        var tls = ClusterCredentials.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = redis.ClusterId;
                o.ServiceId = redis.ClusterId;
            });
            if (gateways.Count > 0)
            {
                client.UseStaticClustering([.. gateways]);
            }
            else
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
            }

            if (tls is not null)
            {
                client.UsePulseClusterTls(tls);
            }

            client.UseConnectionRetryFilter<RetryUntilConnected>();
            client.AddPulseOrleansDashboard(builder.Configuration);
        });
        if (redis.Enabled)
        {
            builder.Services.AddPulseRedisConnection(redis);
        }

        builder.Services.AddPulseChannels(builder.Configuration);
        return builder;
    }
}
