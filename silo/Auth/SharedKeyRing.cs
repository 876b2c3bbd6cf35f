using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth;

/// <summary>
/// Where the keys protecting session cookies, anti-forgery tokens and sign-in state live. Each host keeps its own by
/// default, so behind a load balancer a browser signed in on one host would be a stranger on the next; in cluster mode the
/// ring is in the cluster's Redis (which already holds everything worth stealing, so it adds no new target), and every
/// host of one cluster id reads the others' cookies.
/// </summary>
public static class SharedKeyRing
{
    public static string RedisKey(RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        return redis.ClusterId + ":dataprotection-keys";
    }

    public static IServiceCollection AddPulseKeyRing(this IServiceCollection services, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        // One application name per cluster, so two clusters sharing a Redis never accept each other's cookies.
        services.AddDataProtection().SetApplicationName("pulse:" + redis.ClusterId);
        if (redis.Enabled)
        {
            var key = RedisKey(redis);
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, mux) =>
                o.XmlRepository = new RedisXmlRepository(() => mux.GetDatabase(), key));
        }

        return services;
    }
}
