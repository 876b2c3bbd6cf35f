using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Pulse.Silo.Cluster;

public static class RedisConnectionExtensions
{
    /// <summary>
    /// One <see cref="IConnectionMultiplexer"/> for the host's own Redis use (health, and anything else that is not
    /// an Orleans provider), and the "redis" health check: Degraded while Redis does not answer PING.
    /// </summary>
    public static IServiceCollection AddPulseRedisConnection(this IServiceCollection services, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        // AbortOnConnectFail is off, so this returns while Redis is down and reconnects by itself.
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.ToConfigurationOptions()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["cluster"]);
        return services;
    }
}
