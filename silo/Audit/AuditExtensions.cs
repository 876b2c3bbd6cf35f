using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Audit;

/// <summary>The audit log: who changed brands, sources, settings, keys, accounts and alerts, and who signed in.</summary>
public static class AuditExtensions
{
    /// <summary>
    /// The log (a Redis stream when the host has Redis, so every host of a cluster writes and reads one log; memory
    /// otherwise, as the key store chooses) and <see cref="AuditTrail"/>, its writer.
    /// </summary>
    public static IServiceCollection AddPulseAudit(this IServiceCollection services, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        services.TryAddSingleton(TimeProvider.System);
        if (redis.Enabled)
        {
            // The multiplexer is registered by the cluster silo and the dashboard-only client when they have Redis.
            services.TryAddSingleton<IAuditLog>(sp => new RedisAuditLog(sp.GetRequiredService<IConnectionMultiplexer>(), redis));
        }
        else
        {
            services.TryAddSingleton<IAuditLog>(sp => new InMemoryAuditLog(sp.GetRequiredService<TimeProvider>()));
        }

        services.TryAddSingleton<AuditTrail>();
        return services;
    }
}
