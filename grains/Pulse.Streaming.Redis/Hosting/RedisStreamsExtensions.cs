using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulse.Streaming.Redis;

namespace Orleans.Hosting;

public static class RedisStreamsExtensions
{
    /// <summary>
    /// A persistent stream provider over Redis Streams. Register an <see cref="IRedisStreamCodec"/> too. Queues move
    /// between silos with the consistent-ring balancer: a silo that shuts down or is declared dead leaves the ring
    /// at once, so its queues are picked up by the others without waiting for a maturity period.
    /// </summary>
    public static ISiloBuilder AddRedisStreams(this ISiloBuilder builder, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRedisStreamServices(name, configure);
        return builder.AddPersistentStreams(name, RedisStreamQueueAdapterFactory.Create, stream =>
        {
            stream.UseConsistentRingQueueBalancer();
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptionsMonitor<RedisStreamOptions>>(
                (o, redis) => o.GetQueueMsgsTimerPeriod = redis.Get(name).PollPeriod));
        });
    }

    /// <summary>The producer side of <see cref="AddRedisStreams(ISiloBuilder, string, Action{RedisStreamOptions})"/>, for client hosts.</summary>
    public static IClientBuilder AddRedisStreams(this IClientBuilder builder, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRedisStreamServices(name, configure);
        return builder.AddPersistentStreams(name, RedisStreamQueueAdapterFactory.Create, _ => { });
    }

    /// <summary>The committed positions and replay reads of the provider named <paramref name="name"/>.</summary>
    public static RedisStreamLog GetRedisStreamLog(this IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<RedisStreamParts>(name).Log;

    private static void AddRedisStreamServices(this IServiceCollection services, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisStreamOptions>(name).Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyedSingleton(name, (sp, key) => new RedisStreamParts(sp, (string)key!));
        services.AddKeyedSingleton(name, (sp, key) => sp.GetRequiredKeyedService<RedisStreamParts>(key).Log);
    }
}
